package dev.esnetpol.cli;

import dev.esnetpol.analyze.ConnectivityDiff;
import dev.esnetpol.analyze.ConnectivityDiff.Change;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.PairReasons;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ways {@code diff} prints a {@link ConnectivityDiff}: for people (text, markdown), pipelines (json, csv)
 * and np-guard netpol-analyzer's {@code diff} lines (connlist-diff). One writer per format; every one prints the
 * same changes in the same order.
 */
final class DiffFormats {

    enum Format {
        TEXT, MARKDOWN, JSON, CSV, CONNLIST_DIFF;

        static Format parse(CommandSpec spec, String value) {
            for (Format f : values()) {
                if (f.id().equals(value)) {
                    return f;
                }
            }
            List<String> ids = java.util.Arrays.stream(values()).map(Format::id).toList();
            throw new ParameterException(spec.commandLine(), "-o/--output: expected one of " + String.join(", ", ids) + ", got '" + value + "'"
                    + dev.esnetpol.kube.Suggestions.didYouMean(value, ids));
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private DiffFormats() {
    }

    static void write(ConnectivityDiff diff, Format format, PrintWriter out) {
        switch (format) {
            case TEXT -> text(diff, out);
            case MARKDOWN -> markdown(diff, out);
            case JSON -> out.print(ObjectWriter.json(json(diff)));
            case CSV -> csv(diff, out);
            case CONNLIST_DIFF -> connlistDiff(diff, out);
        }
    }

    /**
     * np-guard netpol-analyzer {@code diff -o txt}: {@code Connectivity diff:} then one line per pair,
     * {@code diff-type: changed, source: S, destination: D, ref1: C1, ref2: C2[, workloads-diff-info: ...]}, outside
     * ranges without their {@code [External]} suffix (its docs/diff_output.md and test_outputs/diff).
     */
    static void connlistDiff(ConnectivityDiff diff, PrintWriter out) {
        out.append("Connectivity diff:\n");
        for (Change c : diff.changes()) {
            out.append("diff-type: ").append(kind(c)).append(", source: ").append(npGuardName(c.from()))
                    .append(", destination: ").append(npGuardName(c.to()))
                    .append(", ref1: ").append(c.before().toString()).append(", ref2: ").append(c.after().toString());
            if (c.workloadInfo() != null) {
                out.append(", workloads-diff-info: ").append(c.workloadInfo());
            }
            out.append('\n');
        }
    }

    private static String npGuardName(String peer) {
        return peer.endsWith("[External]") ? peer.substring(0, peer.length() - "[External]".length()) : peer;
    }

    private static String kind(Change c) {
        return c.kind().name().toLowerCase(Locale.ROOT);
    }

    /** What changed in a pair, in words: {@code +UDP 53 -TCP 8080}. */
    private static String delta(Change c) {
        List<String> parts = new ArrayList<>();
        if (!c.added().isEmpty()) {
            parts.add("+" + c.added());
        }
        if (!c.removed().isEmpty()) {
            parts.add("-" + c.removed());
        }
        return String.join(" ", parts);
    }

    static void text(ConnectivityDiff diff, PrintWriter out) {
        for (Change c : diff.changes()) {
            out.append(kind(c).toUpperCase(Locale.ROOT)).append(' ').append(c.from()).append(" => ").append(c.to()).append(": ")
                    .append(c.before().toString()).append(" -> ").append(c.after().toString()).append(" (").append(delta(c)).append(")\n");
            if (c.workloadInfo() != null) {
                out.append("  ").append(c.workloadInfo()).append('\n');
            }
            reasons(out, "before", c.beforeReasons());
            reasons(out, "after", c.afterReasons());
        }
        out.append(summary(diff)).append('\n');
    }

    private static void reasons(PrintWriter out, String label, PairReasons r) {
        if (r == null) {
            return;
        }
        for (String line : r.lines()) {
            out.append("  ").append(label).append(": ").append(line).append('\n');
        }
    }

    static String summary(ConnectivityDiff diff) {
        if (diff.isEmpty()) {
            return "diff: same connectivity";
        }
        Map<ConnectivityDiff.Kind, Integer> counts = new LinkedHashMap<>();
        for (ConnectivityDiff.Kind k : ConnectivityDiff.Kind.values()) {
            counts.put(k, 0);
        }
        diff.changes().forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("diff: ");
        counts.forEach((k, n) -> sb.append(n).append(' ').append(k.name().toLowerCase(Locale.ROOT)).append(", "));
        sb.setLength(sb.length() - 2);
        sb.append(" pair(s)");
        if (!diff.addedWorkloads().isEmpty()) {
            sb.append("; workloads added: ").append(String.join(", ", diff.addedWorkloads()));
        }
        if (!diff.removedWorkloads().isEmpty()) {
            sb.append("; workloads removed: ").append(String.join(", ", diff.removedWorkloads()));
        }
        return sb.toString();
    }

    static void markdown(ConnectivityDiff diff, PrintWriter out) {
        out.append("| Change | Source | Destination | Before | After | Decided before by | Decided after by |\n|---|---|---|---|---|---|---|\n");
        for (Change c : diff.changes()) {
            out.append("| ").append(kind(c)).append(" | ").append(cell(c.from())).append(" | ").append(cell(c.to())).append(" | ")
                    .append(c.before().toString()).append(" | ").append(c.after().toString()).append(" | ")
                    .append(escape(rules(c.beforeReasons()))).append(" | ").append(escape(rules(c.afterReasons()))).append(" |\n");
        }
        out.append('\n').append(summary(diff)).append('\n');
    }

    private static String cell(String s) {
        return "`" + escape(s) + "`";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    /** One side's reasons on one line: each side's summary, {@code ; }-separated; {@code -} where an end does not exist. */
    private static String rules(PairReasons r) {
        if (r == null) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (Explanation.Side s : List.of(r.egress(), r.ingress())) {
            parts.add((s == r.ingress() ? "ingress of " : "egress of ") + s.pod() + ": "
                    + (s.admittingRules().isEmpty() ? s.summary() : "admitted by " + String.join(", ", s.admittingRules())));
        }
        return String.join("; ", parts);
    }

    static void csv(ConnectivityDiff diff, PrintWriter out) {
        out.append("diff-type,source,destination,before,after,added,removed,decided-before-by,decided-after-by,workloads-diff-info\n");
        for (Change c : diff.changes()) {
            List<String> cells = List.of(kind(c), c.from(), c.to(), c.before().toString(), c.after().toString(),
                    c.added().isEmpty() ? "" : c.added().toString(), c.removed().isEmpty() ? "" : c.removed().toString(),
                    c.beforeReasons() == null ? "" : rules(c.beforeReasons()), c.afterReasons() == null ? "" : rules(c.afterReasons()),
                    c.workloadInfo() == null ? "" : c.workloadInfo());
            out.append(String.join(",", cells.stream().map(DiffFormats::quote).toList())).append('\n');
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static Map<String, Object> json(ConnectivityDiff diff) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change c : diff.changes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", kind(c));
            o.put("source", c.from());
            o.put("destination", c.to());
            o.put("before", connections(c.before()));
            o.put("after", connections(c.after()));
            o.put("added", connections(c.added()));
            o.put("removed", connections(c.removed()));
            o.put("decidedBefore", reasons(c.beforeReasons()));
            o.put("decidedAfter", reasons(c.afterReasons()));
            o.put("workloadsDiffInfo", c.workloadInfo());
            changes.add(o);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("equal", diff.isEmpty());
        all.put("addedWorkloads", diff.addedWorkloads());
        all.put("removedWorkloads", diff.removedWorkloads());
        all.put("changes", changes);
        return all;
    }

    /** As matrix -o json writes a connection set: every protocol or not, and the ports of each protocol that has some. */
    static Map<String, Object> connections(Connections c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("allConnections", c.isAll());
        o.put("ports", ports(c));
        o.put("text", c.toString());
        return o;
    }

    /** The ports of each protocol that has some: {@code {"TCP": "80,443"}}, as every JSON report writes them. */
    static Map<String, String> ports(Connections c) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String p : Connections.PROTOCOLS) {
            if (!c.ports(p).isEmpty()) {
                ports.put(p, c.ports(p).toString());
            }
        }
        return ports;
    }

    private static Map<String, Object> reasons(PairReasons r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("egress", side(r.egress()));
        o.put("ingress", side(r.ingress()));
        return o;
    }

    private static Map<String, Object> side(Explanation.Side s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("pod", s.pod());
        o.put("isolated", s.isolated());
        o.put("isolatingPolicies", s.isolatingPolicies());
        o.put("admittingRules", s.admittingRules());
        o.put("summary", s.summary());
        return o;
    }
}
