package dev.esnetpol.cli;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Focus;
import dev.esnetpol.analyze.Matrix;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways `matrix` prints connectivity: for people (text, markdown), pipelines (json, csv), pictures (dot),
 * np-guard (connlist). Entries are written as the matrix produces them, in order: nothing per line is kept.
 */
final class MatrixFormats {

    private MatrixFormats() {
    }

    static String render(Matrix m, MatrixCommand.Format format) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        write(m, Focus.NONE, format, w);
        w.flush();
        return s.toString();
    }

    /** The entries of {@code m} in {@code focus} (each with only its connections in focus), in {@code format}. */
    static void write(Matrix m, Focus focus, MatrixCommand.Format format, PrintWriter out) {
        Focused f = new Focused(m, focus);
        switch (format) {
            case text -> text(f, out);
            case markdown -> markdown(f, out);
            case json -> out.print(json(f));
            case csv -> csv(f, out);
            case dot -> dot(f, out);
            case svg -> out.print(MatrixSvg.of(f, null));
            case connlist -> connlist(f, out);
        }
    }

    /** A matrix seen through a focus: its entries in focus, and the workloads they (or the focus) name. */
    record Focused(Matrix matrix, Focus focus) {

        void forEach(java.util.function.Consumer<Matrix.Entry> action) {
            matrix.forEach(focus, action);
        }

        List<String> workloads() {
            if (focus.isEverything()) {
                return matrix.workloads();
            }
            java.util.Set<String> shown = new java.util.HashSet<>();
            forEach(e -> {
                shown.add(e.from());
                shown.add(e.to());
            });
            return matrix.workloads().stream().filter(w -> shown.contains(w) || focus.workloads().stream().anyMatch(n -> Focus.names(n, w))).toList();
        }

        List<String> externalRanges() {
            if (focus.isEverything()) {
                return matrix.externalRanges();
            }
            java.util.Set<String> shown = new java.util.TreeSet<>();
            forEach(e -> {
                if (e.fromExternal()) {
                    shown.add(e.from());
                }
                if (e.toExternal()) {
                    shown.add(e.to());
                }
            });
            return List.copyOf(shown);
        }
    }

    /** np-guard netpol-analyzer's lines: {@code SRC => DST : CONNS}, sorted. */
    static void connlist(Focused m, PrintWriter out) {
        m.forEach(e -> out.append(e.from()).append(" => ").append(e.to()).append(" : ").append(e.connectionsText()).append('\n'));
    }

    static void text(Focused m, PrintWriter out) {
        int[] w = {"SOURCE".length(), "DESTINATION".length()};
        m.forEach(e -> {
            w[0] = Math.max(w[0], e.from().length());
            w[1] = Math.max(w[1], e.to().length());
        });
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %s%n";
        out.printf(format, "SOURCE", "DESTINATION", "CONNECTIONS");
        m.forEach(e -> out.printf(format, e.from(), e.to(), e.connectionsText()));
    }

    static void markdown(Focused m, PrintWriter out) {
        out.append("| Source | Destination | Connections |\n|---|---|---|\n");
        m.forEach(e -> out.append("| ").append(cell(e.from())).append(" | ").append(cell(e.to())).append(" | ")
                .append(e.connectionsText()).append(" |\n"));
    }

    private static String cell(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    static void csv(Focused m, PrintWriter out) {
        out.append("source,destination,connections\n");
        m.forEach(e -> out.append(quote(e.from())).append(',').append(quote(e.to())).append(',').append(quote(e.connectionsText())).append('\n'));
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String json(Focused m) {
        return ObjectWriter.json(jsonObject(m));
    }

    /** The JSON document as a map: {@code workloads}, {@code externalRanges}, {@code connections}. */
    static Map<String, Object> jsonObject(Focused m) {
        List<Map<String, Object>> entries = new ArrayList<>();
        m.forEach(e -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("source", e.from());
            o.put("destination", e.to());
            putConnections(o, e.connections());
            entries.add(o);
        });
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("workloads", m.workloads());
        all.put("externalRanges", m.externalRanges());
        all.put("connections", entries);
        return all;
    }

    /** {@code allConnections} and {@code ports} (per protocol, the port list as text) of a connection set. */
    static void putConnections(Map<String, Object> o, Connections c) {
        o.put("allConnections", c.isAll());
        o.put("ports", DiffFormats.ports(c));
    }

    static void dot(Focused m, PrintWriter out) {
        out.append("digraph connectivity {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String w : m.workloads()) {
            ids.put(w, "n" + ids.size());
            out.append("  ").append(ids.get(w)).append(" [label=\"").append(esc(w)).append("\"];\n");
        }
        m.forEach(e -> {
            for (String end : List.of(e.from(), e.to())) {
                if (!ids.containsKey(end)) {
                    ids.put(end, "n" + ids.size());
                    out.append("  ").append(ids.get(end)).append(" [label=\"").append(esc(end)).append("\", shape=ellipse, style=dashed];\n");
                }
            }
            out.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()))
                    .append(" [label=\"").append(esc(e.connectionsText())).append("\"];\n");
        });
        out.append("}\n");
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
