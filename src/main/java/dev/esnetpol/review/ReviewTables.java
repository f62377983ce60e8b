package dev.esnetpol.review;

import dev.esnetpol.verify.End;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.Role;
import dev.esnetpol.verify.VerifyReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per pod, its ingress and egress rows in the spec's shape, as they are in force. */
final class ReviewTables {

    private ReviewTables() {
    }

    static List<ReviewReport.PodTable> of(VerifyReport report) {
        List<ReviewReport.PodTable> tables = new ArrayList<>();
        for (End pod : report.components()) {
            Role.Component me = pod.role().component().orElseThrow();
            Map<String, ReviewReport.Row> in = new LinkedHashMap<>();
            Map<String, ReviewReport.Row> out = new LinkedHashMap<>();
            for (VerifyReport.CheckedFlow c : report.checks()) {
                // Either replica of the group counts: its connections to its own kind are checked between the two.
                if (c.flow().ingress() && me.sameGroup(c.to().role())) {
                    put(in, c.flow().protocol(), PeerNames.of(c.from()), port(c), c.flow().reason(), c.open());
                }
                if (c.flow().egress() && me.sameGroup(c.from().role())) {
                    put(out, c.flow().protocol(), PeerNames.of(c.to()), port(c), c.flow().reason(), c.open());
                }
            }
            for (Finding f : report.excess()) {
                // One row per peer as the report names it: both replicas of a group, or three listener peers, are one row.
                String connections = f.connections().toString();
                if (f.where() == Finding.Where.INGRESS_OF_DESTINATION && f.to().node().equals(pod.node())) {
                    String peer = PeerNames.of(f.from());
                    in.put("excess " + peer + connections, new ReviewReport.Row("", peer, connections, "not documented", "EXCESS"));
                }
                if (f.where() == Finding.Where.EGRESS_OF_SOURCE && f.from().node().equals(pod.node())) {
                    String peer = PeerNames.of(f.to());
                    out.put("excess " + peer + connections, new ReviewReport.Row("", peer, connections, "not documented", "EXCESS"));
                }
            }
            String component = me.group().component().appName() + (me.standIn() ? ", stand-in for " + me.workload() + ": no pod of it runs" : "");
            tables.add(new ReviewReport.PodTable(pod.toString(), component, new ArrayList<>(in.values()),
                    new ArrayList<>(out.values())));
        }
        return tables;
    }

    private static String port(VerifyReport.CheckedFlow c) {
        return c.flow().port() == null ? "all" : String.valueOf(c.flow().port());
    }

    /** One row per peer, port and reason; a row is MISSING when any of its checks was blocked. */
    private static void put(Map<String, ReviewReport.Row> rows, String type, String peer, String port, String reason, boolean open) {
        String key = type + "|" + peer + "|" + port + "|" + reason;
        ReviewReport.Row existing = rows.get(key);
        boolean stillOpen = open && (existing == null || existing.enabled().equals("yes"));
        rows.put(key, new ReviewReport.Row(type, peer, port, reason, stillOpen ? "yes" : "MISSING"));
    }
}
