package dev.esnetpol.graph;

import java.util.List;

/**
 * A directed graph to draw: boxes (grouped, e.g. by namespace) and labelled arrows. Style classes and data
 * attributes travel to the SVG unchanged, so that pages can colour them and tests can read them back.
 *
 * @param nodes in drawing order
 * @param edges in drawing order; an edge's ends are node ids
 */
public record Diagram(List<Node> nodes, List<Edge> edges) {

    /**
     * @param id       unique, not shown
     * @param label    shown in the box
     * @param group    the box around it (a namespace), or null for none
     * @param style    SVG class(es) of the node's {@code <g>}
     * @param dataName the {@code data-name} attribute (what tests look nodes up by)
     */
    public record Node(String id, String label, String group, String style, String dataName) {
    }

    /**
     * @param label shown beside the arrow (may be shortened; {@code title} holds the whole story)
     * @param title the tooltip
     * @param data  extra {@code data-*} attributes, name to value, in order
     */
    public record Edge(String from, String to, String label, String style, String title, java.util.Map<String, String> data) {
    }

    public Diagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
