package dev.esnetpol.verify;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finding as JSON-ready maps: every field as data (ends with roles, ports per protocol, deciding sides). */
public final class FindingJson {

    private FindingJson() {
    }

    public static Map<String, Object> of(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("where", f.where().name());
        m.put("from", end(f.from()));
        m.put("to", end(f.to()));
        m.put("connections", connections(f.connections()));
        f.flow().ifPresent(flow -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("from", flow.from().toString());
            d.put("to", flow.to().toString());
            d.put("port", flow.port());
            d.put("protocol", flow.protocol());
            d.put("reason", flow.reason());
            d.put("basis", flow.basis().name());
            m.put("flow", d);
        });
        m.put("reason", f.reason());
        m.put("decisions", f.decisions().stream().map(FindingJson::side).toList());
        if (!f.profiles().isEmpty()) {
            m.put("profiles", f.profiles().stream().map(p -> Map.of("profile", p.profile(), "allowed", p.allowed())).toList());
        }
        return m;
    }

    public static List<Map<String, Object>> of(List<Finding> findings) {
        return findings.stream().map(FindingJson::of).toList();
    }

    private static Map<String, Object> end(End e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.node() instanceof Node.PodNode p) {
            m.put("namespace", p.pod().namespace());
            m.put("pod", p.pod().name());
        } else {
            m.put("address", e.node().toString());
        }
        m.put("role", RoleNames.kind(e.role()));
        return m;
    }

    private static Map<String, String> connections(Connections c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : Connections.PROTOCOLS) {
            if (!c.ports(p).isEmpty()) {
                m.put(p, c.ports(p).toString());
            }
        }
        return m;
    }

    private static Map<String, Object> side(Explanation.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", s.ingress() ? "ingress" : "egress");
        m.put("pod", s.pod());
        m.put("isolated", s.isolated());
        m.put("isolatingPolicies", s.isolatingPolicies());
        m.put("admittingRules", s.admittingRules());
        m.put("summary", s.summary());
        return m;
    }
}
