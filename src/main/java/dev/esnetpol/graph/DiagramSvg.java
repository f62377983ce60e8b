package dev.esnetpol.graph;

import java.util.Locale;
import java.util.Map;

/**
 * A laid-out {@link Diagram} as SVG: groups as rounded boxes with their name on top, nodes as boxes, edges as
 * orthogonal paths with an arrowhead and their label on a white plate where the layout put it. Each node is a
 * {@code <g class="node STYLE" data-name=...>}, each edge a {@code <g class="edge STYLE" data-...>} with its
 * tooltip ({@code <title>}). Standalone ({@link #document}) or inline in a page ({@link #element}, whose CSS
 * the page may override).
 */
public final class DiagramSvg {

    private DiagramSvg() {
    }

    /** The default look; a page may add its own rules for the classes it gives. */
    public static final String STYLE = "svg.diagram text{font-family:Helvetica,Arial,sans-serif}"
            + ".group rect{fill:#f6f8fb;stroke:#b8c2d3;stroke-dasharray:4 3}.group text{font-size:12px;font-weight:600;fill:#3a4a66}"
            + ".node rect{fill:#eef3fb;stroke:#3a5a8c}.node.outside rect{fill:#f4f4f4;stroke:#888}.node.exposure rect{fill:#fff;stroke:#888;stroke-dasharray:5 3}"
            + ".node text{font-size:12px;fill:#1d2330}"
            + ".edge path{fill:none;stroke:#8d99ae;stroke-width:1.3}.edge.exposure path{stroke-dasharray:5 3}"
            + ".edge .plate{fill:#fff;opacity:.9}.edge text{font-size:10.5px;fill:#3f4a5e}";

    /** A standalone SVG file. */
    public static String document(DiagramLayout.Laid laid) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(laid, "diagram", true);
    }

    /**
     * The {@code <svg>} element.
     *
     * @param id       its id attribute
     * @param ownStyle whether to carry {@link #STYLE} inside
     */
    public static String element(DiagramLayout.Laid laid, String id, boolean ownStyle) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\">%n", esc(id), laid.width(), laid.height(), laid.width(), laid.height()));
        if (ownStyle) {
            sb.append("<style>").append(STYLE).append("</style>\n");
        }
        sb.append("<defs><marker id=\"").append(esc(id)).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b778c\"/></marker></defs>\n");
        laid.groups().forEach((name, b) -> sb.append(String.format(Locale.ROOT,
                "<g class=\"group\" data-name=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>%n", esc(name), b.x(), b.y(), b.width(), b.height(), b.x() + 10, b.y() + 19, esc(name))));
        for (int i = 0; i < laid.diagram().edges().size(); i++) {
            Diagram.Edge e = laid.diagram().edges().get(i);
            sb.append("<g class=\"edge").append(e.style() == null || e.style().isEmpty() ? "" : " " + esc(e.style())).append('"');
            for (Map.Entry<String, String> a : e.data().entrySet()) {
                sb.append(" data-").append(a.getKey()).append("=\"").append(esc(a.getValue())).append('"');
            }
            sb.append("><title>").append(esc(e.title())).append("</title><path d=\"");
            boolean first = true;
            for (double[] p : laid.routes().get(i)) {
                sb.append(String.format(Locale.ROOT, "%s%.1f,%.1f", first ? "M" : " L", p[0], p[1]));
                first = false;
            }
            sb.append("\" marker-end=\"url(#").append(esc(id)).append("-arrow)\"/>");
            DiagramLayout.Box l = laid.labels().get(i);
            if (l != null) {
                String[] lines = e.label().split("\n", -1);
                double line = DiagramLayout.EDGE_FONT + 4;
                sb.append(String.format(Locale.ROOT, "<rect class=\"plate\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>"
                                + "<text x=\"%.1f\" y=\"%.1f\">", l.x(), l.y(), l.width(), l.height(), l.x() + 2, l.y() + line - 4));
                // SVG text does not wrap by itself: one tspan a line.
                for (int j = 0; j < lines.length; j++) {
                    sb.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"%.1f\">%s</tspan>", l.x() + 2, j == 0 ? 0.0 : line, esc(lines[j])));
                }
                sb.append("</text>");
            }
            sb.append("</g>\n");
        }
        for (Diagram.Node n : laid.diagram().nodes()) {
            DiagramLayout.Box b = laid.nodes().get(n.id());
            sb.append(String.format(Locale.ROOT, "<g class=\"node%s\" data-name=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text></g>%n",
                    n.style() == null || n.style().isEmpty() ? "" : " " + esc(n.style()), esc(n.dataName()), b.x(), b.y(), b.width(), b.height(),
                    b.x() + b.width() / 2, b.y() + b.height() / 2 + 4, esc(n.label())));
        }
        return sb.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
