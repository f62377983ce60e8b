package dev.esnetpol.review;

import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.VerifyReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per pod, its ingress and egress rows in the spec's shape, as they are in force. */
final class ReviewTables {

    private ReviewTables() {
    }

    static List<ReviewReport.PodTable> of(Map<String, Pod> ours, VerifyReport report, Map<String, Pod> named) {
        List<ReviewReport.PodTable> tables = new ArrayList<>();
        for (Pod pod : ours.values()) {
            String me = pod.toString();
            Map<String, ReviewReport.Row> in = new LinkedHashMap<>();
            Map<String, ReviewReport.Row> out = new LinkedHashMap<>();
            for (VerifyReport.CheckedFlow c : report.checks()) {
                String to = PeerNames.canonical(c.to(), ours);
                String from = PeerNames.canonical(c.from(), ours);
                if (c.flow().ingress() && to.equals(me) && !from.equals(me)) {
                    put(in, c.flow().protocol(), PeerNames.of(c.from(), named), port(c), c.flow().reason(), c.open());
                }
                if (c.flow().ingress() && to.equals(me) && from.equals(me)) {
                    put(in, c.flow().protocol(), PeerNames.of(c.from(), named), port(c), c.flow().reason(), c.open());
                }
                if (c.flow().egress() && from.equals(me)) {
                    put(out, c.flow().protocol(), PeerNames.of(c.to(), named), port(c), c.flow().reason(), c.open());
                }
            }
            for (Finding f : report.excess()) {
                if (f.to().equals(me) && f.side().startsWith("ingress")) {
                    in.put("excess " + f.from() + f.connections(), new ReviewReport.Row("", PeerNames.of(f.from(), named), f.connections(),
                            "not documented", "EXCESS"));
                }
                if (f.from().equals(me) && f.side().startsWith("egress")) {
                    out.put("excess " + f.to() + f.connections(), new ReviewReport.Row("", PeerNames.of(f.to(), named), f.connections(),
                            "not documented", "EXCESS"));
                }
            }
            tables.add(new ReviewReport.PodTable(me, pod.labels().get(Labels.NAME), new ArrayList<>(in.values()), new ArrayList<>(out.values())));
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
