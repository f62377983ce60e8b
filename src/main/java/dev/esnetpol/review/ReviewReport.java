package dev.esnetpol.review;

import java.util.List;

/** The result of a review: findings, the effective per-pod tables in the spec's shape, and the graph. */
public record ReviewReport(String namespace, String source, List<String> installations, List<ReviewFinding> findings,
                           List<PodTable> tables, Graph graph) {

    /** One pod's effective connections, as the spec's tables lay them out. */
    public record PodTable(String pod, String component, List<Row> ingress, List<Row> egress) {
    }

    /**
     * One row: {@code enabled} is {@code yes} (open as documented), {@code MISSING} (documented, blocked) or
     * {@code EXCESS} (open, not documented).
     */
    public record Row(String type, String peer, String port, String reason, String enabled) {
    }

    /** Components and the outside as nodes; allowed, missing and excess flows as edges with their ports. */
    public record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {
    }

    public record GraphNode(String id, String label, boolean component) {
    }

    public record GraphEdge(String from, String to, String ports, String status) {
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
