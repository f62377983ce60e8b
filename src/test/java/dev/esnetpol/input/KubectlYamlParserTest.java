package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain scalars typed as kubectl's reader (go-yaml v2, YAML 1.1) types them, in values and in keys. */
class KubectlYamlParserTest {

    private static JsonNode read(String yaml) {
        List<YamlDocument> docs = YamlSources.parse("f.yaml", yaml);
        assertEquals(1, docs.size());
        return docs.get(0).node();
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})
    void theWordsGoYamlReadsAsTrueAreTrue(String word) {
        JsonNode v = read("kind: A\nv: " + word + "\n").get("v");
        assertTrue(v.isBoolean() && v.booleanValue(), word + " read as " + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"})
    void theWordsGoYamlReadsAsFalseAreFalse(String word) {
        JsonNode v = read("kind: A\nv: " + word + "\n").get("v");
        assertTrue(v.isBoolean() && !v.booleanValue(), word + " read as " + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'y'", "\"n\"", "!!str y", "yEs", "nO", "oN", "yess", "x", "'on'"})
    void quotedTaggedOrOtherWordsStayStrings(String word) {
        JsonNode v = read("kind: A\nv: " + word + "\n").get("v");
        assertTrue(v.isTextual(), word + " read as " + v);
    }

    @Test
    void theSourceTextIsKeptForMessages() {
        YamlDocument doc = YamlSources.parse("f.yaml", "kind: A\nmetadata:\n  labels:\n    app: y\n").get(0);
        assertEquals("y", doc.lines().textOf("metadata.labels.app"));
    }

    @Test
    void aBooleanKeyIsTheStringTrueOrFalseAsSigsK8sYamlMakesIt() {
        JsonNode labels = read("kind: A\nlabels:\n  on: a\n  N: b\n  'y': c\n  yEs: d\n").get("labels");
        assertEquals("a", labels.path("true").asText(), labels.toString());
        assertEquals("b", labels.path("false").asText(), labels.toString());
        assertEquals("c", labels.path("y").asText(), "a quoted key stays: " + labels);
        assertEquals("d", labels.path("yEs").asText(), "not a YAML 1.1 boolean: " + labels);
    }

    @Test
    void jsonFilesAreNotTouched() {
        JsonNode node = YamlSources.parse("f.json", "{\"kind\": \"A\", \"v\": \"y\"}").get(0).node();
        assertTrue(node.get("v").isTextual());
    }
}
