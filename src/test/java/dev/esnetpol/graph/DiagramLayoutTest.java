package dev.esnetpol.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout keeps what the picture promises: groups around their members, no label over another label or a box. */
class DiagramLayoutTest {

    /** 20 workloads in 3 namespaces and 3 outside nodes, each talking to a few others: a busy small cluster. */
    static Diagram twentyWorkloads() {
        List<Diagram.Node> nodes = new ArrayList<>();
        String[] ns = {"shop", "payments", "monitoring"};
        for (int i = 0; i < 20; i++) {
            nodes.add(new Diagram.Node("w" + i, "workload-" + i + "[Deployment]", ns[i % 3], "", ns[i % 3] + "/workload-" + i));
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(new Diagram.Node("x" + i, "10." + i + ".0.0-10." + i + ".255.255[External]", null, "outside", "x" + i));
        }
        List<Diagram.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int k : new int[]{1, 3, 7}) {
                String label = "TCP " + (8000 + (i * k) % 13) + (k == 7 ? ",UDP 53" : "");
                edges.add(new Diagram.Edge("w" + i, "w" + ((i + k) % 20), label, "", label, Map.of()));
            }
            edges.add(new Diagram.Edge("x" + (i % 3), "w" + i, "TCP 443", "outside", "TCP 443", Map.of()));
        }
        return new Diagram(nodes, edges);
    }

    @Test
    void groupsHoldTheirMembersAndNoLabelCoversAnotherOrABox() {
        Diagram d = twentyWorkloads();
        DiagramLayout.Laid laid = DiagramLayout.layout(d);
        assertEquals(3, laid.groups().size());
        for (Diagram.Node n : d.nodes()) {
            DiagramLayout.Box b = laid.nodes().get(n.id());
            if (n.group() != null) {
                assertTrue(inside(b, laid.groups().get(n.group())), n.label() + " inside its namespace's box");
            } else {
                laid.groups().values().forEach(g -> assertFalse(overlap(b, g), n.label() + " outside every namespace box"));
            }
        }
        List<DiagramLayout.Box> labels = laid.labels();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(overlap(labels.get(i), labels.get(j)), "labels " + d.edges().get(i).label() + " and " + d.edges().get(j).label());
            }
            for (DiagramLayout.Box node : laid.nodes().values()) {
                assertFalse(overlap(labels.get(i), node), "label " + d.edges().get(i).label() + " over a node");
            }
        }
        for (DiagramLayout.Box a : laid.nodes().values()) {
            for (DiagramLayout.Box b : laid.nodes().values()) {
                assertTrue(a == b || !overlap(a, b), "two nodes overlap");
            }
        }
        assertTrue(laid.routes().stream().allMatch(r -> r.size() >= 2), "every edge routed");
    }

    @Test
    void theSvgIsWellFormedAndCarriesTheDataAttributes() throws Exception {
        String svg = DiagramSvg.document(DiagramLayout.layout(twentyWorkloads()));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(svg.contains("<g class=\"group\" data-name=\"payments\">"), svg.substring(0, 400));
        assertTrue(svg.contains("data-name=\"shop/workload-0\""));
        assertEquals(80, svg.split("<g class=\"edge").length - 1);
    }

    static boolean overlap(DiagramLayout.Box a, DiagramLayout.Box b) {
        double e = 0.5; // touching edges are not an overlap
        return a.x() + e < b.x() + b.width() && b.x() + e < a.x() + a.width() && a.y() + e < b.y() + b.height() && b.y() + e < a.y() + a.height();
    }

    static boolean inside(DiagramLayout.Box a, DiagramLayout.Box outer) {
        return a.x() >= outer.x() && a.y() >= outer.y() && a.x() + a.width() <= outer.x() + outer.width() && a.y() + a.height() <= outer.y() + outer.height();
    }
}
