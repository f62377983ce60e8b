package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree the reader builds without an {@code ObjectMapper} is the one {@code readTree} builds: node for node,
 * of the same class, over scalars of every kind YAML and JSON have (numbers in every notation YAML 1.1 and 1.2
 * know, booleans of both readings, nulls, binary, quoted and block strings).
 */
class ScalarNodesTest {

    /** Scalars as they appear in files, including the ones that trip readers up. */
    private static final List<String> YAML_SCALARS = List.of(
            "80", "-1", "0", "+7", "007", "0o17", "0x1F", "0b101", "1_000", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
            "1.5", "1.10", "-0.0", "1e3", "1.0e+3", "6.02E23", ".5", ".inf", "-.Inf", ".NaN", "1.000000000000000000000000001",
            "3.14159265358979323846264338327950288", "1:20", "190:20:30", "1_000.5",
            "y", "Y", "yes", "No", "on", "OFF", "true", "False", "TRUE", "n",
            "~", "null", "Null", "", "''", "\"\"", "'80'", "\"1.10\"", "\"y\"", "!!str 80", "!!int '42'",
            "!!binary aGVsbG8=", "!!float 1", "2001-12-14t21:59:43.10-05:00", "2002-12-14",
            "plain text", "\"line\\nbreak\"", "|\n  block\n  text", ">\n  folded\n  text", "- a", "[1, y, ~]",
            "{a: 1, b: on}", "0.", "1.", "-", "'-'", "=", "<<");

    private static final List<String> JSON_SCALARS = List.of(
            "80", "-1", "0", "2147483648", "9223372036854775808", "1.5", "1e3", "-0.0", "1.10", "true", "false",
            "null", "\"y\"", "\"\"", "123456789012345678901234567890", "3.14159265358979323846264338327950288",
            "[1, true, null, 2.5]", "{\"a\": 1e-7}");

    @Test
    void yamlScalarsReadAsReadTreeReadsThemInBothReadings() throws Exception {
        int compared = 0;
        for (YamlReading reading : List.of(YamlReading.KUBECTL, YamlReading.YAML_1_2)) {
            for (String scalar : YAML_SCALARS) {
                compared += assertSameTree(reading, "v: " + scalar.replace("\n", "\n  ") + "\n") ? 1 : 0;
                compared += assertSameTree(reading, "list:\n- " + scalar.replace("\n", "\n  ") + "\n") ? 1 : 0;
            }
        }
        // A few are no valid YAML where they stand (a block sequence as a mapping's value, "v: - a"): both refuse those.
        assertTrue(compared >= 0.9 * 4 * YAML_SCALARS.size(), "trees compared: " + compared + " of " + 4 * YAML_SCALARS.size());
    }

    @Test
    void jsonScalarsReadAsReadTreeReadsThem() throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        for (String scalar : JSON_SCALARS) {
            String text = "{\"v\": " + scalar + ", \"l\": [" + scalar + "]}";
            JsonNode expected = json.readTree(text);
            JsonNode actual = YamlSources.parse("in.json", text).get(0).node();
            assertIdentical(expected, actual, scalar);
        }
    }

    @Property(tries = 400)
    void anyPlainScalarReadsAsReadTreeReadsIt(@ForAll("plainScalars") String scalar) throws Exception {
        for (YamlReading reading : List.of(YamlReading.KUBECTL, YamlReading.YAML_1_2)) {
            assertTrue(assertSameTree(reading, "k: " + scalar + "\nl: [" + scalar + "]\n"), "a plain scalar of these characters is valid YAML");
        }
    }

    @Provide
    Arbitrary<String> plainScalars() {
        Arbitrary<String> numberLike = Arbitraries.strings().withChars("0123456789+-._eEoxXb").ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> decimals = digits.flatMap(a -> digits.map(b -> a + "." + b));
        Arbitrary<String> words = Arbitraries.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "Yes", "NO");
        return Arbitraries.oneOf(numberLike, digits, decimals, words)
                .filter(s -> !s.startsWith("-") || s.length() > 1)
                .filter(s -> !s.startsWith("- ") && !s.startsWith("."))
                .filter(s -> !s.equals("-"));
    }

    /**
     * @return whether the trees were compared: false when {@code readTree} refuses the text (not valid YAML), and then
     *         the reader refuses it too
     */
    private static boolean assertSameTree(YamlReading reading, String text) throws Exception {
        JsonNode expected;
        try {
            expected = YAMLMapper.builder(ReadingYamlFactory.of(YAMLFactory.builder()
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL), reading)).build().readTree(text);
        } catch (Exception e) {
            try (YamlReading.Scope ignored = reading.use()) {
                assertThrows(InvalidInputException.class, () -> YamlSources.parse("in.yaml", text), "refused by readTree, read here: " + text);
            }
            return false;
        }
        JsonNode actual;
        try (YamlReading.Scope ignored = reading.use()) {
            actual = YamlSources.parse("in.yaml", text).get(0).node();
        }
        assertIdentical(expected, actual, reading + " " + text);
        return true;
    }

    /** Equal, and of the same node class all the way down (IntNode is not LongNode, DoubleNode not DecimalNode). */
    private static void assertIdentical(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected.getClass(), actual.getClass(), what + ": " + expected + " and " + actual);
        assertEquals(expected, actual, what);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.isArray()) {
                assertIdentical(expected.get(i), actual.get(i), what);
            }
        }
        expected.fieldNames().forEachRemaining(f -> assertIdentical(expected.get(f), actual.get(f), what));
    }
}
