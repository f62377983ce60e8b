package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.input.YamlSources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What es-netpol prints is read back by kubectl as it was meant: a string that kubectl's reader (go-yaml v2,
 * YAML 1.1) would take for a boolean or a number is quoted, so {@code render | kubectl apply -f -} never sends
 * the API server a number or a boolean where a label value belongs.
 */
class WrittenYamlReadsBackTest {

    private static JsonNode labelsWrittenAndReadBack(String key, String value) {
        ConfigMap object = new ConfigMapBuilder().withNewMetadata().withName("m").addToLabels(key, value).endMetadata().build();
        String yaml = ObjectWriter.yaml(object);
        return YamlSources.parse("written.yaml", yaml).get(0).node().path("metadata").path("labels");
    }

    @Test
    void numbersAndBooleansAsGoYamlReadsThemAreQuoted() {
        for (String value : List.of("10", "1.10", "12e4", "1e3", "0x1F", "0o17", "0b101", "1_000", "0777", "08", "y", "N", "on", "Off", "null")) {
            ConfigMap object = new ConfigMapBuilder().withNewMetadata().withName("m").addToLabels("v", value).endMetadata().build();
            String yaml = ObjectWriter.yaml(object);
            assertTrue(yaml.contains("v: \"" + value + "\"") || yaml.contains("v: '" + value + "'"), value + " is written plain:\n" + yaml);
        }
        for (String value : List.of("web", "v1.2.3", "1-0", "10.1-11.7", "a1")) {
            assertTrue(ObjectWriter.yaml(new ConfigMapBuilder().withNewMetadata().withName("m").addToLabels("v", value).endMetadata().build())
                    .contains("v: " + value + "\n"), value + " needs no quotes");
        }
    }

    @Test
    void aNamespaceLabelGivenOnTheCommandLineRendersAsAStringKubectlReads() {
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml", "--operator-namespace-labels", "team=10,tier=1.10,on=y");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("team: \"10\"") && r.out().contains("tier: \"1.10\"") && r.out().contains("\"on\": \"y\""), r.out());
        CliRun verified = CliRun.runWithStdin(r.out(), "verify", "-f", "examples/eventstreams-quickstart.yaml", "--policies", "-",
                "--operator-namespace-labels", "team=10,tier=1.10,on=y");
        assertTrue(verified.code() != ExitCodes.ERROR, verified.err());
    }

    @Property(tries = 500)
    void everyLabelValueReadsBackAsTheStringWritten(@ForAll("labelValues") String value) {
        JsonNode read = labelsWrittenAndReadBack("k", value).path("k");
        assertTrue(read.isTextual(), value + " read back as " + read);
        assertEquals(value, read.asText());
    }

    /** Label values (RFC 1123-like: alphanumerics, '-', '_', '.'), biased towards the shapes YAML types. */
    @Provide
    Arbitrary<String> labelValues() {
        Arbitrary<String> any = Arbitraries.strings().withChars("0123456789abcdefxXoOeEyYnN._-").ofMinLength(1).ofMaxLength(8)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)) && Character.isLetterOrDigit(s.charAt(s.length() - 1)));
        Arbitrary<String> words = Arbitraries.of("y", "Y", "n", "N", "yes", "No", "ON", "off", "true", "False", "null", "Null", "NULL", "10",
                "1.10", "12e4", "0x1F", "0o17", "0b101", "1_000", "0777");
        return Arbitraries.oneOf(any, words);
    }
}
