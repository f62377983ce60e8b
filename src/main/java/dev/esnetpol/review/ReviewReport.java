package dev.esnetpol.review;

import java.util.List;

/**
 * The result of a review: findings, notes (what a reader should know that is no finding: policies not owned by their
 * resource, the options policies were reproduced with, that no pod runs, what each kind of stand-in is), the
 * effective per-pod tables in the spec's shape, and the graph.
 */
public record ReviewReport(String namespace, String source, List<String> installations, List<ReviewFinding> findings,
                           List<String> notes, List<PodTable> tables, Graph graph) {

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

    /** No finding but grants open by default ({@code OPEN}), which do not fail a review unless it is strict. */
    public boolean clean() {
        return clean(false);
    }

    /** No finding; with {@code strict}, no grant open by default either. */
    public boolean clean(boolean strict) {
        return findings.stream().allMatch(f -> !strict && f.kind() == ReviewFinding.Kind.OPEN);
    }

    /** The grants open by default. */
    public List<ReviewFinding> open() {
        return findings.stream().filter(f -> f.kind() == ReviewFinding.Kind.OPEN).toList();
    }

    /**
     * The verdict in one sentence: "nothing more" only when nothing is open by default either; every output says
     * the same ({@link ReviewText}, {@link ReviewHtml}, the JSON's {@code summary}).
     */
    @com.fasterxml.jackson.annotation.JsonProperty("summary")
    public String summary() {
        long failing = findings.size() - open().size();
        if (findings.isEmpty()) {
            return "No findings: the policies in force allow the documented flows and nothing more.";
        }
        String open = open().isEmpty() ? "" : open().size() + " rule(s) open to anywhere by default (OPEN: each says what narrows it)";
        if (failing == 0) {
            return "No missing or excess flows, but not \"nothing more\": " + open + ".";
        }
        return failing + " finding(s)" + (open.isEmpty() ? "" : "; and " + open) + ":";
    }
}
