package dev.esnetpol.verify;

import dev.esnetpol.generate.DefaultGrants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of the policies in force that grants any address or any pod something the catalogue allows only as a
 * default ({@link DefaultGrants.Kind}): not a failure by itself (verify and review exit as before unless
 * {@code --strict}), but never "nothing more". {@code rule} is the admitting rule as the analyzer names it
 * ({@code es-prod/production-kafka-netpol egress rule #1 (any peer, ports [...])}), or that no policy isolates the
 * side; {@code ports} the ports it opens per kind ({@code 443/TCP}); {@code pods} the installations' pods it covers.
 */
public record OpenGrant(String rule, Map<DefaultGrants.Kind, List<String>> ports, List<End> pods) {

    public OpenGrant {
        ports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        pods = List.copyOf(pods);
    }

    /** What the rule opens, kind by kind: {@code DNS egress to any address on 53/UDP,53/TCP}. */
    public List<String> what() {
        List<String> out = new ArrayList<>();
        ports.forEach((kind, p) -> out.add(kind.description() + ": " + String.join(",", p)));
        return out;
    }

    /** What narrows each kind the rule opens. */
    public List<String> narrowedBy() {
        return ports.keySet().stream().map(DefaultGrants.Kind::narrowedBy).toList();
    }

    /** The pods, as the analyzer names them. */
    public List<String> podNames() {
        return pods.stream().map(End::toString).toList();
    }

    /** As JSON-ready data: the rule, what it opens per kind, the pods, what narrows each kind. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule);
        List<Map<String, Object>> grants = new ArrayList<>();
        ports.forEach((kind, p) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("kind", kind.name());
            g.put("description", kind.description());
            g.put("ports", p);
            g.put("narrowedBy", kind.narrowedBy());
            grants.add(g);
        });
        m.put("grants", grants);
        m.put("pods", podNames());
        return m;
    }

    /** A markdown table of grants, for a wiki or a pull request. */
    public static String markdown(List<OpenGrant> grants) {
        StringBuilder sb = new StringBuilder("| Open by default | Pods | Admitted by | Narrowed by |\n|---|---|---|---|\n");
        for (OpenGrant g : grants) {
            sb.append("| ").append(cell(String.join("; ", g.what()))).append(" | ").append(cell(String.join(", ", g.podNames()))).append(" | ")
                    .append(cell(g.rule)).append(" | ").append(cell(String.join("; ", g.narrowedBy()))).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** For a terminal: the rule, then what it opens to whom, then what narrows it. */
    public String text() {
        StringBuilder sb = new StringBuilder("OPEN     " + rule + "\n");
        what().forEach(w -> sb.append("         opens ").append(w).append('\n'));
        sb.append("         for ").append(String.join(", ", podNames())).append('\n');
        narrowedBy().forEach(n -> sb.append("         narrowed by ").append(n).append('\n'));
        return sb.toString();
    }
}
