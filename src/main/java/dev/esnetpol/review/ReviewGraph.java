package dev.esnetpol.review;

import dev.esnetpol.analyze.Pod;
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

    static ReviewReport.Graph of(Map<String, Pod> ours, VerifyReport report, Map<String, Pod> named) {
        Map<String, ReviewReport.GraphNode> nodes = new LinkedHashMap<>();
        ours.keySet().forEach(p -> node(nodes, PeerNames.of(p, named), true));
        Map<String, TreeSet<String>> ports = new LinkedHashMap<>();
        for (VerifyReport.CheckedFlow c : report.checks()) {
            String from = PeerNames.of(c.from(), named);
            String to = PeerNames.of(c.to(), named);
            node(nodes, from, false);
            node(nodes, to, false);
            String port = (c.flow().port() == null ? "all" : c.flow().port().toString()) + (c.flow().protocol().equals("TCP") ? "" : "/" + c.flow().protocol());
            ports.computeIfAbsent(from + "\t" + to + "\t" + (c.open() ? "allowed" : "missing"), k -> new TreeSet<>()).add(port);
        }
        for (Finding f : report.excess()) {
            String from = PeerNames.of(f.from(), named);
            String to = PeerNames.of(f.to(), named);
            node(nodes, from, false);
            node(nodes, to, false);
            ports.computeIfAbsent(from + "\t" + to + "\texcess", k -> new TreeSet<>()).add(f.connections());
        }
        List<ReviewReport.GraphEdge> edges = new ArrayList<>();
        ports.forEach((k, v) -> {
            String[] parts = k.split("\t");
            if (parts[0].equals(parts[1])) {
                return; // a component to its own kind (broker to broker): in its table, not a line to itself
            }
            edges.add(new ReviewReport.GraphEdge(nodes.get(parts[0]).id(), nodes.get(parts[1]).id(), String.join(",", v), parts[2]));
        });
        return new ReviewReport.Graph(new ArrayList<>(nodes.values()), edges);
    }

    private static void node(Map<String, ReviewReport.GraphNode> nodes, String label, boolean component) {
        nodes.computeIfAbsent(label, l -> new ReviewReport.GraphNode("n" + nodes.size(), l, component));
    }
}
