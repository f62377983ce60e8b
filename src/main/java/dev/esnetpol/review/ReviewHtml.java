package dev.esnetpol.review;

import java.util.HashMap;
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
                .append("svg text{font-size:12px}.node circle{fill:#eef3fb;stroke:#3a5a8c}.node.outside circle{fill:#f4f4f4;stroke:#888}\n")
                .append(".edge line{stroke:#9aa5b8;stroke-width:1.4}.edge.missing line{stroke:#d12d1f;stroke-dasharray:6 4;stroke-width:2}\n")
                .append(".edge.excess line{stroke:#e8890c;stroke-width:2}.edge text{fill:#56627a;font-size:10px}.legend span{margin-right:16px}\n")
                .append("</style></head><body>\n");
        sb.append("<h1>Network policy review: ").append(esc(r.namespace())).append("</h1>\n<p>Source: ").append(esc(r.source()))
                .append(" · installations: ").append(esc(String.join(", ", r.installations()))).append("</p>\n");
        sb.append("<p class=\"summary ").append(r.clean() ? "clean" : "dirty").append("\" id=\"summary\">")
                .append(r.clean() ? "No findings: the policies in force allow the documented flows and nothing more."
                        : r.findings().size() + " finding(s)").append("</p>\n");
        graph(sb, r.graph());
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

    private static void graph(StringBuilder sb, ReviewReport.Graph g) {
        int n = g.nodes().size();
        int size = 900;
        double cx = size / 2.0;
        double cy = size / 2.0 - 10;
        double radius = size / 2.0 - 110;
        Map<String, double[]> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / Math.max(1, n) - Math.PI / 2;
            at.put(g.nodes().get(i).id(), new double[]{cx + radius * Math.cos(a), cy + radius * Math.sin(a)});
        }
        sb.append("<h2>Component graph</h2>\n<p class=\"legend\"><span>grey: allowed as documented</span><span style=\"color:#d12d1f\">")
                .append("red dashed: documented but blocked</span><span style=\"color:#e8890c\">orange: open, not documented</span></p>\n");
        sb.append("<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"24\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b778c\"/></marker></defs>\n");
        for (ReviewReport.GraphEdge e : g.edges()) {
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            // Ports are written on the edges that need attention; every edge shows them on hover (its title).
            String text = e.status().equals("allowed") ? "" : esc(shorten(e.ports()));
            sb.append(String.format(java.util.Locale.ROOT, "<g class=\"edge %s\" data-from=\"%s\" data-to=\"%s\" data-ports=\"%s\">"
                            + "<title>%s -> %s: %s (%s)</title>"
                            + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#arrow)\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>%n",
                    e.status(), label(g, e.from()), label(g, e.to()), esc(e.ports()), label(g, e.from()), label(g, e.to()), esc(e.ports()),
                    e.status(), a[0], a[1], b[0], b[1], (a[0] * 0.4 + b[0] * 0.6), (a[1] * 0.4 + b[1] * 0.6) - 3, text));
        }
        for (ReviewReport.GraphNode node : g.nodes()) {
            double[] p = at.get(node.id());
            sb.append(String.format(java.util.Locale.ROOT, "<g class=\"node%s\" data-name=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"18\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text></g>%n",
                    node.component() ? "" : " outside", esc(node.label()), p[0], p[1], p[0], p[1] + 32, esc(node.label())));
        }
        sb.append("</svg>\n");
    }

    private static String label(ReviewReport.Graph g, String id) {
        return esc(g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(ReviewReport.GraphNode::label).orElse(id));
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
