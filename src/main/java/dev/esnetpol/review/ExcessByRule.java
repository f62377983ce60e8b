package dev.esnetpol.review;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.FindingJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undocumented connections grouped by their cause: one finding per rule (or per side no policy isolates) that opens
 * them, with the ports it opens, the set of peers it lets in (out) as the report names them, and the installations'
 * pods concerned. One hand-added rule is one finding, however many stand-ins and replicas it admits.
 */
final class ExcessByRule {

    private ExcessByRule() {
    }

    private static final class Cause {
        Connections connections = Connections.NONE;
        final Set<String> peers = new LinkedHashSet<>();
        final Set<String> pods = new LinkedHashSet<>();
        final Set<String> reasons = new LinkedHashSet<>();
        final List<Map<String, Object>> data = new ArrayList<>();
        boolean ingress;
    }

    static List<ReviewFinding> of(List<Finding> excess) {
        Map<String, Cause> causes = new LinkedHashMap<>();
        for (Finding f : excess) {
            Explanation.Side side = f.decisions().get(0);
            String rule = side.isolated() ? String.join("; ", side.admittingRules())
                    : "no policy selects " + side.pod() + " for " + (side.ingress() ? "ingress" : "egress");
            Cause c = causes.computeIfAbsent(rule, k -> new Cause());
            c.ingress = side.ingress();
            c.connections = c.connections.union(f.connections());
            c.peers.add(PeerNames.of(side.ingress() ? f.from() : f.to()));
            c.pods.add(StandInNotes.name(side.ingress() ? f.to() : f.from()));
            c.reasons.add(f.reason());
            c.data.add(FindingJson.of(f));
        }
        List<ReviewFinding> out = new ArrayList<>();
        causes.forEach((rule, c) -> {
            List<String> details = new ArrayList<>();
            details.add((c.ingress ? "into " : "out of ") + String.join(", ", c.pods));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("rule", rule);
            data.put("connections", c.connections.toString());
            data.put(c.ingress ? "sources" : "destinations", List.copyOf(c.peers));
            data.put("pods", List.copyOf(c.pods));
            data.put("connectionsFound", c.data);
            out.add(new ReviewFinding(ReviewFinding.Kind.EXCESS, rule, "opens " + c.connections + (c.ingress ? " from " : " to ")
                    + String.join(", ", c.peers) + " (" + String.join("; ", c.reasons) + ")", details, data));
        });
        return out;
    }
}
