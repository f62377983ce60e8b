package dev.esnetpol.input;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlSourcesTest {

    @Test
    void multiDocumentFilesKeepEachDocumentsLines() {
        List<YamlDocument> docs = YamlSources.parse("f.yaml", """
                kind: A
                metadata:
                  name: one
                ---
                # a comment
                kind: B
                spec:
                  list:
                    - x: 1
                    - x: 2
                      w: 3
                """);
        assertEquals(2, docs.size());
        assertEquals(1, docs.get(0).line());
        assertEquals(3, docs.get(0).lines().lineOf("metadata.name", 0));
        YamlDocument b = docs.get(1);
        assertEquals("B", b.kind());
        assertEquals(11, b.lines().lineOf("spec.list[1].w", 0));
        assertEquals(10, b.lines().lineOf("spec.list[1].z", 0), "an absent field falls back to its parent");
        assertEquals(7, b.lines().lineOf("spec", 0));
        assertEquals(99, b.lines().lineOf("nothing", 99));
    }

    @Test
    void listItemsBecomeDocumentsWithTheirOwnLines() {
        List<YamlDocument> docs = YamlSources.parse("l.json", """
                {"kind": "List", "items": [
                  {"kind": "A"},
                  {"kind": "B",
                   "spec": {"port": 1}}
                ]}
                """);
        assertEquals(List.of("A", "B"), docs.stream().map(YamlDocument::kind).toList());
        assertEquals(3, docs.get(1).line());
        assertEquals(4, docs.get(1).lines().lineOf("spec.port", 0));
    }

    @Test
    void itemsOfNestedListsKeepTheirLinesRepeatsAndTexts() {
        List<YamlDocument> docs = YamlSources.parse("l.yaml", """
                kind: List
                items:
                  - kind: PodList
                    items:
                      - metadata: {name: a}
                      - metadata:
                          name: b
                          labels: {v: 1.10}
                  - kind: B
                    spec:
                      x: 1
                      x: 2
                """);
        assertEquals(List.of("Pod", "Pod", "B"), docs.stream().map(YamlDocument::kind).toList());
        assertEquals(5, docs.get(0).line());
        assertEquals(6, docs.get(1).line());
        assertEquals(7, docs.get(1).lines().lineOf("metadata.name", 0));
        assertEquals("1.10", docs.get(1).lines().textOf("metadata.labels.v"), "the source text of a non-string scalar");
        assertEquals(null, docs.get(0).lines().textOf("metadata.labels.v"), "each item has its own");
        assertEquals(java.util.Map.of("spec.x", 12), docs.get(2).lines().duplicates());
    }

    @Test
    void aDocumentOverSnakeYamlsDefaultLimitIsRead() {
        // kubectl get pods -A -o yaml on a few thousand pods prints one List over SnakeYAML's 3 MiB default.
        StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        int items = 0;
        while (list.length() <= 3 * 1024 * 1024) {
            list.append("- {apiVersion: v1, kind: Namespace, metadata: {name: team-").append(items++).append(", labels: {env: prod}}}\n");
        }
        List<YamlDocument> docs = YamlSources.parse("big.yaml", list.toString());
        assertEquals(items, docs.size());
        assertEquals("team-" + (items - 1), docs.get(items - 1).name());
    }

    @Test
    void anEmptyDocumentIsNoObject() {
        List<YamlDocument> docs = YamlSources.parse("f.yaml", "kind: A\n---\n---\nkind: B\n---\n");
        assertEquals(List.of("A", "B"), docs.stream().map(YamlDocument::kind).toList());
    }

    @Test
    void anItemIndexHoldsOnlyItsOwnPaths() {
        LineIndex whole = new LineIndex(java.util.Map.of("items", 2, "items[0]", 3, "items[0].a", 3, "items[1].b[0].c", 5,
                "items[10].d", 9, "itemsX[0].e", 1, "other", 1));
        List<LineIndex> items = whole.items("items", 11);
        assertEquals(java.util.Map.of("a", 3), items.get(0).lines());
        assertEquals(java.util.Map.of("b[0].c", 5), items.get(1).lines());
        assertEquals(java.util.Map.of("d", 9), items.get(10).lines());
        assertTrue(items.get(2).lines().isEmpty());
    }

    @Test
    void unparsableYamlNamesTheLineInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> YamlSources.parse("bad.yaml", "a: [\nb: 1\n"));
        InputProblem p = e.problems().get(0);
        assertEquals("bad.yaml", p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("not valid YAML: "));
        assertFalse(p.message().contains("\n"), p.message());
    }

    @Test
    void aScalarDocumentIsNotAnObject() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> YamlSources.parse("s.yaml", "just text\n"));
        assertTrue(e.problems().get(0).message().contains("expected a Kubernetes object"));
    }
}
