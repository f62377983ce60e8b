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
                      y: 3
                """);
        assertEquals(2, docs.size());
        assertEquals(1, docs.get(0).line());
        assertEquals(3, docs.get(0).lines().lineOf("metadata.name", 0));
        YamlDocument b = docs.get(1);
        assertEquals("B", b.kind());
        assertEquals(11, b.lines().lineOf("spec.list[1].y", 0));
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
