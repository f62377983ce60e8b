package dev.esnetpol.review;

import dev.esnetpol.graph.Diagram;
import dev.esnetpol.graph.DiagramLayout;
import dev.esnetpol.graph.DiagramSvg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS, SVG and one small script, nothing fetched): the component graph with
 * allowed, missing (red, dashed) and excess (orange) flows, the findings, and the per-pod tables. Elements
 * carry classes and data attributes (edge status, ends, ports) so that a browser test can read it back.
 */
public final class ReviewHtml {

    private ReviewHtml() {
    }

    public static String of(ReviewReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>es-netpol review: ").append(esc(r.namespace()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,Helvetica,Arial,sans-serif;margin:24px;color:#1d2330}h1{font-size:22px}h2{font-size:17px;margin-top:28px}\n")
                .append(".summary{padding:10px 14px;border-radius:6px;display:inline-block}.clean{background:#e3f4e8}.dirty{background:#fde8e4}\n")
                .append("table{border-collapse:collapse;margin:6px 0 14px}td,th{border:1px solid #d5d9e0;padding:3px 8px;font-size:13px;text-align:left}\n")
                .append("th{background:#f1f3f6}tr.MISSING td{background:#fde8e4}tr.EXCESS td{background:#fff1de}\n")
                .append("li.finding{margin:4px 0}.kind{font-weight:600;display:inline-block;min-width:70px}\n")
                .append(DiagramSvg.STYLE).append('\n')
                .append(".edge.missing path{stroke:#d12d1f;stroke-dasharray:6 4;stroke-width:2}.edge.missing text{fill:#d12d1f}\n")
                .append(".edge.excess path{stroke:#e8890c;stroke-width:2}.edge.excess text{fill:#b86a00}.legend span{margin-right:16px}\n")
                .append("</style></head><body>\n");
        sb.append("<h1>Network policy review: ").append(esc(r.namespace())).append("</h1>\n<p>Source: ").append(esc(r.source()))
                .append(" · installations: ").append(esc(String.join(", ", r.installations()))).append("</p>\n");
        sb.append("<p class=\"summary ").append(r.clean() ? "clean" : "dirty").append("\" id=\"summary\">")
                .append(r.clean() ? "No findings: the policies in force allow the documented flows and nothing more."
                        : r.findings().size() + " finding(s)").append("</p>\n");
        graph(sb, r.graph(), r.namespace());
        sb.append("<h2>Findings</h2>\n<ul id=\"findings\">\n");
        for (ReviewFinding f : r.findings()) {
            sb.append("<li class=\"finding ").append(f.kind().name().toLowerCase()).append("\"><span class=\"kind\">").append(f.kind())
                    .append("</span> <code>").append(esc(f.subject())).append("</code>: ").append(esc(f.message()));
            if (!f.details().isEmpty()) {
                sb.append("<ul>");
                f.details().forEach(d -> sb.append("<li>").append(esc(d)).append("</li>"));
                sb.append("</ul>");
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n");
        for (ReviewReport.PodTable t : r.tables()) {
            sb.append("<h2 class=\"pod\" data-pod=\"").append(esc(t.pod())).append("\">").append(esc(t.pod())).append(" (")
                    .append(esc(t.component())).append(")</h2>\n");
            table(sb, "Ingress", "Origin", t.ingress());
            table(sb, "Egress", "Destination", t.egress());
        }
        // The one script: counts what the browser actually laid out, for the record (and for the browser test).
        sb.append("<p id=\"render-check\" style=\"color:#889;font-size:11px\"></p>\n<script>\n")
                .append("(function(){function shown(s){return Array.prototype.filter.call(document.querySelectorAll(s),")
                .append("function(e){var r=e.getBoundingClientRect();return r.width>0||r.height>0;}).length;}\n")
                .append("document.getElementById('render-check').textContent='rendered: '+shown('#graph .node')+' nodes, '")
                .append("+shown('#graph .edge')+' edges ('+shown('#graph .edge.missing')+' missing, '+shown('#graph .edge.excess')+' excess), '")
                .append("+shown('table')+' tables';})();\n</script>\n");
        return sb.append("</body></html>\n").toString();
    }

    /**
     * The component graph, laid out by the Eclipse Layout Kernel ({@link DiagramLayout}): the installation's
     * components in a box named after the namespace, outside peers around it, each edge labelled with its ports
     * where the layout keeps labels clear of each other and of the nodes.
     */
    private static void graph(StringBuilder sb, ReviewReport.Graph g, String namespace) {
        List<Diagram.Node> nodes = new ArrayList<>();
        for (ReviewReport.GraphNode n : g.nodes()) {
            nodes.add(new Diagram.Node(n.id(), n.label(), n.component() ? namespace : null, n.component() ? "" : "outside", n.label()));
        }
        List<Diagram.Edge> edges = new ArrayList<>();
        for (ReviewReport.GraphEdge e : g.edges()) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("from", label(g, e.from()));
            data.put("to", label(g, e.to()));
            data.put("ports", e.ports());
            edges.add(new Diagram.Edge(e.from(), e.to(), shorten(e.ports()), e.status(),
                    label(g, e.from()) + " -> " + label(g, e.to()) + ": " + e.ports() + " (" + e.status() + ")", data));
        }
        sb.append("<h2>Component graph</h2>\n<p class=\"legend\"><span>grey: allowed as documented</span><span style=\"color:#d12d1f\">")
                .append("red dashed: documented but blocked</span><span style=\"color:#e8890c\">orange: open, not documented</span></p>\n");
        sb.append("<div style=\"overflow-x:auto\">").append(DiagramSvg.element(DiagramLayout.layout(new Diagram(nodes, edges)), "graph", false)).append("</div>\n");
    }

    private static String label(ReviewReport.Graph g, String id) {
        return (g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(ReviewReport.GraphNode::label).orElse(id));
    }

    private static String shorten(String ports) {
        return ports.length() > 28 ? ports.substring(0, 26) + "…" : ports;
    }

    private static void table(StringBuilder sb, String title, String peer, List<ReviewReport.Row> rows) {
        sb.append("<table class=\"").append(title.toLowerCase()).append("\"><caption>").append(title).append("</caption>\n<tr><th>Type</th><th>")
                .append(peer).append("</th><th>Port</th><th>Reason</th><th>Enabled in policy</th></tr>\n");
        for (ReviewReport.Row r : rows) {
            sb.append("<tr class=\"").append(esc(r.enabled())).append("\"><td>").append(esc(r.type())).append("</td><td>").append(esc(r.peer()))
                    .append("</td><td>").append(esc(r.port())).append("</td><td>").append(esc(r.reason())).append("</td><td>")
                    .append(esc(r.enabled())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
