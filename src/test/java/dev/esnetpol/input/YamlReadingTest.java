package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain scalars typed as kubectl's reader (go-yaml v2, YAML 1.1) types them, in values and in keys, by default;
 * as a YAML 1.2 reader types them under {@link YamlReading#YAML_1_2}.
 */
class YamlReadingTest {

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

    private static JsonNode readAs(YamlReading reading, String yaml) {
        try (YamlReading.Scope ignored = reading.use()) {
            return read(yaml);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "n", "N", "yes", "Yes", "NO", "on", "Off", "OFF"})
    void aYaml12ReaderReadsTheYaml11OnlyWordsAsStrings(String word) {
        JsonNode v = readAs(YamlReading.YAML_1_2, "kind: A\nv: " + word + "\n").get("v");
        assertTrue(v.isTextual(), word + " read as " + v);
        assertEquals(word, v.asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "false", "False", "FALSE"})
    void aYaml12ReaderKeepsTrueAndFalse(String word) {
        JsonNode v = readAs(YamlReading.YAML_1_2, "kind: A\nv: " + word + "\n").get("v");
        assertTrue(v.isBoolean() && v.booleanValue() == word.equalsIgnoreCase("true"), word + " read as " + v);
    }

    @Test
    void aYaml12ReaderLeavesKeysAsWritten() {
        JsonNode labels = readAs(YamlReading.YAML_1_2, "kind: A\nlabels:\n  on: a\n  y: b\n").get("labels");
        assertEquals("a", labels.path("on").asText(), labels.toString());
        assertEquals("b", labels.path("y").asText(), labels.toString());
    }

    @Test
    void theReadingIsKubectlsOutsideAScopeAndComesBackAfterOne() {
        assertEquals(YamlReading.KUBECTL, YamlReading.current());
        try (YamlReading.Scope ignored = YamlReading.YAML_1_2.use()) {
            assertEquals(YamlReading.YAML_1_2, YamlReading.current());
        }
        assertTrue(read("kind: A\nv: y\n").get("v").isBoolean(), "kubectl's again");
    }

    @Test
    void aReadingIsNamedAsOnTheCommandLine() {
        assertEquals(YamlReading.YAML_1_2, YamlReading.parse("1.2"));
        assertEquals(YamlReading.KUBECTL, YamlReading.parse("kubectl"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> YamlReading.parse("1.1"));
        assertEquals("expected one of kubectl, 1.2, found '1.1'", e.getMessage());
    }
}
