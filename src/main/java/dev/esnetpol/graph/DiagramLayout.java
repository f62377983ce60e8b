package dev.esnetpol.graph;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Diagram} out with the Eclipse Layout Kernel's layered algorithm (Sugiyama: layers left to
 * right, crossings minimised, orthogonal edges): each group is a compound node around its members, every edge
 * label is a box the algorithm places and keeps clear of nodes and other labels, so nothing overlaps. Text is
 * measured by an estimate of Helvetica's widths ({@link #textWidth}): the SVG sets that font and size.
 * Coordinates are pixels from the top left.
 */
public final class DiagramLayout {

    /** Font size of node labels and edge labels, in px (the SVG uses the same). */
    static final double NODE_FONT = 12;
    static final double EDGE_FONT = 10.5;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A box: node, group or edge label, absolute. */
    public record Box(double x, double y, double width, double height) {
    }

    /** The diagram laid out: per node and group its box, per edge its route (absolute points) and its label's box. */
    public record Laid(Diagram diagram, double width, double height, Map<String, Box> nodes, Map<String, Box> groups,
                       List<List<double[]>> routes, List<Box> labels) {
    }

    private DiagramLayout() {
    }

    /** Average advance of Helvetica at {@code size}, generous (0.6 em): a label box never ends inside its text. */
    static double textWidth(String text, double size) {
        return text.length() * size * 0.6;
    }

    public static Laid layout(Diagram d) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        // Edges that leave or enter a node on the same side share its port: bundles instead of a fan of lines.
        root.setProperty(LayeredOptions.MERGE_EDGES, true);

        Map<String, ElkNode> groups = new LinkedHashMap<>();
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Diagram.Node n : d.nodes()) {
            ElkNode parent = root;
            if (n.group() != null) {
                parent = groups.computeIfAbsent(n.group(), g -> {
                    ElkNode box = ElkGraphUtil.createNode(root);
                    box.setProperty(CoreOptions.PADDING, new ElkPadding(30, 14, 14, 14)); // top: room for the group's name
                    box.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
                    return box;
                });
            }
            ElkNode box = ElkGraphUtil.createNode(parent);
            box.setDimensions(Math.max(70, textWidth(n.label(), NODE_FONT) + 20), 30);
            nodes.put(n.id(), box);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Diagram.Edge e : d.edges()) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to()));
            if (e.label() != null && !e.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
                // A label may be several lines ('\n'): as wide as its longest, one line height each.
                String[] lines = e.label().split("\n", -1);
                double width = java.util.Arrays.stream(lines).mapToDouble(t -> textWidth(t, EDGE_FONT)).max().orElse(0);
                label.setDimensions(width + 4, lines.length * (EDGE_FONT + 4));
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.add(edge);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> nodeBoxes = new LinkedHashMap<>();
        nodes.forEach((id, n) -> nodeBoxes.put(id, box(n)));
        Map<String, Box> groupBoxes = new LinkedHashMap<>();
        groups.forEach((name, g) -> groupBoxes.put(name, box(g)));
        List<List<double[]>> routes = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        for (ElkEdge edge : edges) {
            // Edge sections and edge labels are relative to the edge's containing node (ELK's coordinate rule).
            double[] o = origin(edge.getContainingNode());
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : edge.getSections()) {
                points.add(new double[]{o[0] + s.getStartX(), o[1] + s.getStartY()});
                for (ElkBendPoint p : s.getBendPoints()) {
                    points.add(new double[]{o[0] + p.getX(), o[1] + p.getY()});
                }
                points.add(new double[]{o[0] + s.getEndX(), o[1] + s.getEndY()});
            }
            routes.add(points);
            ElkLabel l = edge.getLabels().isEmpty() ? null : edge.getLabels().get(0);
            labels.add(l == null ? null : new Box(o[0] + l.getX(), o[1] + l.getY(), l.getWidth(), l.getHeight()));
        }
        return new Laid(d, root.getWidth(), root.getHeight(), nodeBoxes, groupBoxes, routes, labels);
    }

    /** Where a node's own coordinate system starts, absolute: the sum of its ancestors' positions and its own. */
    private static double[] origin(ElkNode node) {
        double x = 0;
        double y = 0;
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new double[]{x, y};
    }

    private static Box box(ElkNode n) {
        double[] o = origin(n.getParent());
        return new Box(o[0] + n.getX(), o[1] + n.getY(), n.getWidth(), n.getHeight());
    }
}
