package dev.esnetpol.cli;

import dev.esnetpol.analyze.ExposureAnalysis;
import dev.esnetpol.analyze.ExposurePeer;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.SelectorTerms;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code matrix --exposure}: the matrix, then each workload's exposure ({@link ExposureAnalysis}) in the same format.
 * Text and connlist end with np-guard netpol-analyzer's section ({@code Exposure Analysis Result:}, egress
 * then ingress); markdown adds two tables; json adds {@code exposure} (with each peer's selectors as data);
 * csv adds a {@code kind} column ({@code connection} or {@code exposure}); dot adds the peers as dashed
 * nodes.
 */
final class ExposureFormats {

    private ExposureFormats() {
    }

    static void write(MatrixFormats.Focused m, ExposureAnalysis x, MatrixCommand.Format format, PrintWriter out) {
        switch (format) {
            case text, connlist -> {
                MatrixFormats.write(m.matrix(), m.focus(), format, out);
                text(x, out);
            }
            case markdown -> {
                MatrixFormats.markdown(m, out);
                markdown(x, out);
            }
            case json -> {
                Map<String, Object> all = MatrixFormats.jsonObject(m);
                all.put("exposure", json(x));
                out.print(ObjectWriter.json(all));
            }
            case csv -> csv(m, x, out);
            case dot -> dot(m, x, out);
            case svg -> out.print(MatrixSvg.of(m, x));
            default -> throw new IllegalStateException("no exposure for " + format);
        }
    }

    static void text(ExposureAnalysis x, PrintWriter out) {
        int width = x.facts().stream().mapToInt(f -> f.workload().length()).max().orElse(0);
        out.append("\nExposure Analysis Result:\n");
        for (boolean ingress : new boolean[]{false, true}) {
            List<ExposureAnalysis.Fact> side = x.facts().stream().filter(f -> f.ingress() == ingress).toList();
            if (side.isEmpty()) {
                continue;
            }
            out.append(ingress ? "\nIngress Exposure:\n" : "Egress Exposure:\n");
            for (ExposureAnalysis.Fact f : side) {
                out.printf("%-" + width + "s  %s  %s : %s%n", f.workload(), ingress ? "<=" : "=>", f.peer(), f.connectionsText());
            }
        }
    }

    static void markdown(ExposureAnalysis x, PrintWriter out) {
        out.append("\n## Exposure\n");
        for (boolean ingress : new boolean[]{false, true}) {
            out.append(ingress ? "\n### Ingress: who may connect to each workload\n\n| Workload | From | Connections |\n|---|---|---|\n"
                    : "\n### Egress: what each workload may reach\n\n| Workload | To | Connections |\n|---|---|---|\n");
            for (ExposureAnalysis.Fact f : x.facts()) {
                if (f.ingress() == ingress) {
                    out.append("| `").append(f.workload()).append("` | `").append(f.peer().replace("|", "\\|")).append("` | ")
                            .append(f.connectionsText()).append(" |\n");
                }
            }
        }
    }

    static List<Map<String, Object>> json(ExposureAnalysis x) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExposureAnalysis.Fact f : x.facts()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("workload", f.workload());
            o.put("direction", f.ingress() ? "ingress" : "egress");
            o.put("peer", f.peer());
            ExposurePeer p = f.selector();
            if (p == null) {
                o.put("addresses", f.peer());
            } else {
                o.put("entireCluster", p.isEntireCluster());
                if (p.namespace() != null) {
                    o.put("namespace", p.namespace());
                } else {
                    o.put("namespaceSelector", terms(p.namespaceSelector()));
                }
                o.put("podSelector", terms(p.podSelector()));
            }
            MatrixFormats.putConnections(o, f.connections());
            out.add(o);
        }
        return out;
    }

    /** A selector's terms as data: {@code [{key, operator, values}]} (matchLabels written as In of one value). */
    private static List<Map<String, Object>> terms(SelectorTerms s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SelectorTerms.Term t : s.terms()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", t.key());
            o.put("operator", t.operator());
            o.put("values", t.values());
            out.add(o);
        }
        return out;
    }

    static void csv(MatrixFormats.Focused m, ExposureAnalysis x, PrintWriter out) {
        out.append("source,destination,connections,kind\n");
        m.forEach(e -> row(out, e.from(), e.to(), e.connectionsText(), "connection"));
        for (ExposureAnalysis.Fact f : x.facts()) {
            row(out, f.ingress() ? f.peer() : f.workload(), f.ingress() ? f.workload() : f.peer(), f.connectionsText(), "exposure");
        }
    }

    private static void row(PrintWriter out, String from, String to, String conns, String kind) {
        out.append(MatrixFormats.quote(from)).append(',').append(MatrixFormats.quote(to)).append(',')
                .append(MatrixFormats.quote(conns)).append(',').append(kind).append('\n');
    }

    static void dot(MatrixFormats.Focused m, ExposureAnalysis x, PrintWriter out) {
        StringWriter s = new StringWriter();
        MatrixFormats.dot(m, new PrintWriter(s, true));
        String graph = s.toString();
        out.append(graph, 0, graph.lastIndexOf('}'));
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> workloads = new java.util.HashMap<>();
        for (String w : m.workloads()) {
            workloads.put(w, "n" + workloads.size()); // as MatrixFormats.dot numbers them
        }
        for (ExposureAnalysis.Fact f : x.facts()) {
            if (f.selector() == null) {
                continue; // outside ranges are in the matrix's graph already
            }
            String id = ids.computeIfAbsent(f.peer(), k -> {
                String n = "x" + ids.size();
                out.append("  ").append(n).append(" [label=\"").append(MatrixFormats.esc(k)).append("\", shape=box, style=dashed];\n");
                return n;
            });
            String workload = workloads.get(f.workload());
            out.append("  ").append(f.ingress() ? id : workload).append(" -> ").append(f.ingress() ? workload : id);
            out.append(" [label=\"").append(MatrixFormats.esc(f.connectionsText())).append("\", style=dashed];\n");
        }
        out.append("}\n");
    }

    static String render(MatrixFormats.Focused m, ExposureAnalysis x, MatrixCommand.Format format) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        write(m, x, format, w);
        w.flush();
        return s.toString();
    }
}
