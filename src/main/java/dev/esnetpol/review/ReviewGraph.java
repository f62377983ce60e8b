package dev.esnetpol.review;

import dev.esnetpol.verify.End;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.VerifyReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The component graph: one node per component and per kind of outside peer, one edge per (from, to, status). */
final class ReviewGraph {

    private ReviewGraph() {
    }

    /** An edge before layout: the two nodes' labels and the status. */
    private record Key(String from, String to, String status) {
    }

    static ReviewReport.Graph of(VerifyReport report) {
        Map<String, ReviewReport.GraphNode> nodes = new LinkedHashMap<>();
        report.components().forEach(p -> node(nodes, PeerNames.of(p), true));
        Map<Key, TreeSet<String>> ports = new LinkedHashMap<>();
        for (VerifyReport.CheckedFlow c : report.checks()) {
            String port = (c.flow().port() == null ? "all" : c.flow().port().toString()) + (c.flow().protocol().equals("TCP") ? "" : "/" + c.flow().protocol());
            edge(nodes, ports, c.from(), c.to(), c.open() ? "allowed" : "missing").add(port);
        }
        for (Finding f : report.excess()) {
            edge(nodes, ports, f.from(), f.to(), "excess").add(f.connections().toString());
        }
        List<ReviewReport.GraphEdge> edges = new ArrayList<>();
        ports.forEach((k, v) -> {
            if (k.from().equals(k.to())) {
                return; // a component to its own kind (broker to broker): in its table, not a line to itself
            }
            edges.add(new ReviewReport.GraphEdge(nodes.get(k.from()).id(), nodes.get(k.to()).id(), String.join(",", v), k.status()));
        });
        return new ReviewReport.Graph(new ArrayList<>(nodes.values()), edges);
    }

    private static TreeSet<String> edge(Map<String, ReviewReport.GraphNode> nodes, Map<Key, TreeSet<String>> ports, End from, End to, String status) {
        String a = PeerNames.of(from);
        String b = PeerNames.of(to);
        node(nodes, a, false);
        node(nodes, b, false);
        return ports.computeIfAbsent(new Key(a, b, status), k -> new TreeSet<>());
    }

    private static void node(Map<String, ReviewReport.GraphNode> nodes, String label, boolean component) {
        nodes.computeIfAbsent(label, l -> new ReviewReport.GraphNode("n" + nodes.size(), l, component));
    }
}
