package dev.esnetpol.cli;

import dev.esnetpol.analyze.ExposureAnalysis;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.graph.Diagram;
import dev.esnetpol.graph.DiagramLayout;
import dev.esnetpol.graph.DiagramSvg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code matrix -o svg}: the matrix as a picture laid out by the Eclipse Layout Kernel ({@link DiagramLayout}):
 * one box per namespace around its workloads, outside ranges (and, with {@code --exposure}, the peers a policy
 * admits beyond the pods given, dashed) on their own, one labelled arrow per entry.
 */
final class MatrixSvg {

    /** Longer connection lists are cut on the arrow (whole in its tooltip), so one long label does not widen the whole picture. */
    static final int LABEL_CHARS = 36;

    private MatrixSvg() {
    }

    static String of(MatrixFormats.Focused m, ExposureAnalysis exposure) {
        Map<String, Diagram.Node> nodes = new LinkedHashMap<>();
        for (String w : m.workloads()) {
            node(nodes, w, "");
        }
        List<Diagram.Edge> edges = new ArrayList<>();
        m.forEach(e -> edges.add(edge(nodes, e.from(), e.to(), e.connectionsText(), e.fromExternal() || e.toExternal() ? "outside" : "")));
        if (exposure != null) {
            for (ExposureAnalysis.Fact f : exposure.facts()) {
                if (f.selector() == null) {
                    continue; // outside ranges: the matrix's own entries
                }
                String peer = "exposure:" + f.peer();
                nodes.computeIfAbsent(peer, k -> new Diagram.Node("n" + nodes.size(), f.peer(),
                        f.selector().namespace(), "exposure", f.peer()));
                edges.add(edge(nodes, f.ingress() ? peer : f.workload(), f.ingress() ? f.workload() : peer, f.connectionsText(), "exposure"));
            }
        }
        return DiagramSvg.document(DiagramLayout.layout(new Diagram(List.copyOf(nodes.values()), edges)));
    }

    private static Diagram.Node node(Map<String, Diagram.Node> nodes, String name, String style) {
        return nodes.computeIfAbsent(name, n -> {
            int slash = n.indexOf('/');
            boolean outside = n.endsWith("[External]") || slash < 0;
            return new Diagram.Node("n" + nodes.size(), outside ? n : n.substring(slash + 1), outside ? null : n.substring(0, slash),
                    outside ? "outside" : style, n);
        });
    }

    private static Diagram.Edge edge(Map<String, Diagram.Node> nodes, String from, String to, String connections, String style) {
        Diagram.Node a = nodes.containsKey(from) ? nodes.get(from) : node(nodes, from, "");
        Diagram.Node b = nodes.containsKey(to) ? nodes.get(to) : node(nodes, to, "");
        String label = connections.length() > LABEL_CHARS ? connections.substring(0, LABEL_CHARS - 1) + "…" : connections;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("from", a.dataName());
        data.put("to", b.dataName());
        data.put("connections", connections);
        return new Diagram.Edge(a.id(), b.id(), label, style, a.dataName() + " -> " + b.dataName() + ": " + connections, data);
    }
}
