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
        return of(r, java.util.List.of());
    }

    /**
     * The report, with a table of the administrator's cluster-scoped policies in force (kind, name, tier,
     * priority, rules per direction): they take part in every verdict above and es-netpol never changes them.
     */
    public static String of(ReviewReport r, java.util.List<dev.esnetpol.analyze.ClusterPolicy> clusterPolicies) {
        String page = page(r);
        if (clusterPolicies.isEmpty()) {
            return page;
        }
        StringBuilder sb = new StringBuilder("<h2>Cluster-scoped policies</h2>\n<table id=\"cluster-policies\"><tr><th>kind</th><th>name</th>"
                + "<th>tier</th><th>priority</th><th>ingress rules</th><th>egress rules</th></tr>\n");
        for (var p : clusterPolicies) {
            sb.append("<tr><td>").append(esc(p.kind())).append("</td><td>").append(esc(p.name())).append("</td><td>").append(p.tier())
                    .append("</td><td>").append(p.kind().equals("BaselineAdminNetworkPolicy") ? "" : String.valueOf(p.priority()))
                    .append("</td><td>").append(p.ingress().size()).append("</td><td>").append(p.egress().size()).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        int end = page.lastIndexOf("</body>");
        return page.substring(0, end) + sb + page.substring(end);
    }

    private static String page(ReviewReport r) {
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
        sb.append("<p class=\"summary ").append(r.findings().isEmpty() ? "clean" : "dirty").append("\" id=\"summary\">")
                .append(esc(r.summary())).append("</p>\n");
        graph(sb, r.graph(), r.namespace());
        // No heading over nothing: the summary above already says there is no finding.
        sb.append(r.findings().isEmpty() ? "<ul id=\"findings\">\n" : "<h2>Findings</h2>\n<ul id=\"findings\">\n");
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
        if (!r.notes().isEmpty()) {
            sb.append("<h2>Notes</h2>\n<ul id=\"notes\">\n");
            r.notes().forEach(n -> sb.append("<li class=\"note\">").append(esc(n)).append("</li>\n"));
            sb.append("</ul>\n");
        }
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
            edges.add(new Diagram.Edge(e.from(), e.to(), lines(e.ports()), e.status(),
                    label(g, e.from()) + " -> " + label(g, e.to()) + ": " + e.ports() + " (" + e.status() + ")", data));
        }
        sb.append("<h2>Component graph</h2>\n<p class=\"legend\"><span>grey: allowed as documented</span><span style=\"color:#d12d1f\">")
                .append("red dashed: documented but blocked</span><span style=\"color:#e8890c\">orange: open, not documented</span></p>\n");
        sb.append("<div style=\"overflow-x:auto\">").append(DiagramSvg.element(DiagramLayout.layout(new Diagram(nodes, edges)), "graph", false)).append("</div>\n");
    }

    private static String label(ReviewReport.Graph g, String id) {
        return (g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(ReviewReport.GraphNode::label).orElse(id));
    }

    /**
     * The whole label, never cut: ports broken at commas into lines of about 28 characters ({@code \n}: the diagram
     * writes one {@code tspan} a line, SVG text does not wrap by itself).
     */
    private static String lines(String ports) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        String[] parts = java.util.regex.Pattern.compile(",").splitAsStream(ports + ",").toArray(String[]::new);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i] + (i < parts.length - 1 ? "," : "");
            if (line > 0 && line + part.length() > 28) {
                out.append('\n');
                line = 0;
            }
            out.append(part);
            line += part.length();
        }
        return out.toString();
    }

    private static void table(StringBuilder sb, String title, String peer, List<ReviewReport.Row> rows) {
        sb.append("<table class=\"").append(title.toLowerCase()).append("\"><caption>").append(title).append("</caption>\n<tr><th>Type</th><th>")
                .append(peer).append("</th><th>Port</th><th>Reason</th><th>Enabled in policy</th></tr>\n");
        if (rows.isEmpty()) {
            sb.append("<tr class=\"none\"><td colspan=\"5\">none: no documented flow in this direction</td></tr>\n");
        }
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
