package dev.esnetpol.cli;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ways `matrix` prints connectivity: for people (text, markdown), pipelines (json, csv), pictures (dot), np-guard (connlist). */
final class MatrixFormats {

    private MatrixFormats() {
    }

    static String render(Matrix m, MatrixCommand.Format format) {
        return switch (format) {
            case text -> text(m);
            case markdown -> markdown(m);
            case json -> json(m);
            case csv -> csv(m);
            case dot -> dot(m);
            case connlist -> connlist(m);
        };
    }

    /** np-guard netpol-analyzer's lines: {@code SRC => DST : CONNS}, sorted. */
    static String connlist(Matrix m) {
        List<String> lines = new ArrayList<>();
        m.entries().forEach(e -> lines.add(e.from() + " => " + e.to() + " : " + e.connections()));
        lines.sort(String::compareTo);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    static String text(Matrix m) {
        int w1 = "SOURCE".length();
        int w2 = "DESTINATION".length();
        for (Matrix.Entry e : m.entries()) {
            w1 = Math.max(w1, e.from().length());
            w2 = Math.max(w2, e.to().length());
        }
        StringBuilder sb = new StringBuilder(String.format("%-" + w1 + "s  %-" + w2 + "s  %s%n", "SOURCE", "DESTINATION", "CONNECTIONS"));
        for (Matrix.Entry e : m.entries()) {
            sb.append(String.format("%-" + w1 + "s  %-" + w2 + "s  %s%n", e.from(), e.to(), e.connections()));
        }
        return sb.toString();
    }

    static String markdown(Matrix m) {
        StringBuilder sb = new StringBuilder("| Source | Destination | Connections |\n|---|---|---|\n");
        for (Matrix.Entry e : m.entries()) {
            sb.append("| ").append(cell(e.from())).append(" | ").append(cell(e.to())).append(" | ").append(e.connections()).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    static String csv(Matrix m) {
        StringBuilder sb = new StringBuilder("source,destination,connections\n");
        for (Matrix.Entry e : m.entries()) {
            sb.append(quote(e.from())).append(',').append(quote(e.to())).append(',').append(quote(e.connections().toString())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String json(Matrix m) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Matrix.Entry e : m.entries()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("source", e.from());
            o.put("destination", e.to());
            o.put("allConnections", e.connections().isAll());
            Map<String, String> ports = new LinkedHashMap<>();
            for (String p : Connections.PROTOCOLS) {
                if (!e.connections().ports(p).isEmpty()) {
                    ports.put(p, e.connections().ports(p).toString());
                }
            }
            o.put("ports", ports);
            entries.add(o);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("workloads", m.workloads());
        all.put("externalRanges", m.externalRanges());
        all.put("connections", entries);
        return ObjectWriter.json(all);
    }

    static String dot(Matrix m) {
        StringBuilder sb = new StringBuilder("digraph connectivity {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String w : m.workloads()) {
            ids.put(w, "n" + ids.size());
            sb.append("  ").append(ids.get(w)).append(" [label=\"").append(esc(w)).append("\"];\n");
        }
        for (Matrix.Entry e : m.entries()) {
            for (String end : List.of(e.from(), e.to())) {
                if (!ids.containsKey(end)) {
                    ids.put(end, "n" + ids.size());
                    sb.append("  ").append(ids.get(end)).append(" [label=\"").append(esc(end)).append("\", shape=ellipse, style=dashed];\n");
                }
            }
            sb.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()))
                    .append(" [label=\"").append(esc(e.connections().toString())).append("\"];\n");
        }
        return sb.append("}\n").toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
