package dev.esnetpol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's values cannot drift from their documentation: docs/operator.md's table is the one generated from
 * values.schema.json, and the schema's defaults are values.yaml's, key for key. Regenerate the table with
 * {@code ES_NETPOL_UPDATE_GOLDEN=1 mvn test -Dtest=HelmValuesDocTest} and review the diff.
 */
class HelmValuesDocTest {

    static final Path DOC = Path.of("docs/operator.md");
    static final String BEGIN = "<!-- BEGIN values table: generated from deploy/helm/es-netpol/values.schema.json (HelmValuesDocTest) -->\n";
    static final String END = "<!-- END values table -->";

    @Test
    void theDocsTableIsTheOneGeneratedFromTheSchema() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, DOC + " has no values table between its markers");
        String table = HelmValuesTable.markdown();
        if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
            doc = doc.substring(0, begin + BEGIN.length()) + table + doc.substring(end);
            Files.writeString(DOC, doc);
            end = doc.indexOf(END);
        }
        assertEquals(table, doc.substring(begin + BEGIN.length(), end), DOC + "'s values table is not the schema's");
    }

    /** Every key of values.yaml is a row of the table, with the schema's default as its value, and no row is missing. */
    @Test
    void theSchemasDefaultsAreValuesYaml() throws IOException {
        JsonNode values = new YAMLMapper().readTree(HelmChart.CHART.resolve("values.yaml").toFile());
        List<String> keys = new ArrayList<>();
        for (HelmValuesTable.Row row : HelmValuesTable.rows()) {
            keys.add(row.key());
            JsonNode actual = values.at("/" + row.key().replace('.', '/'));
            assertEquals(row.defaultValue(), actual, row.key() + ": the schema's default is not values.yaml's");
        }
        List<String> leaves = new ArrayList<>();
        leaves(values, "", keys, leaves);
        assertEquals(keys.stream().sorted().toList(), leaves.stream().sorted().toList(), "values.yaml's keys and the table's rows");
    }

    /** The keys of values.yaml down to the table's rows (a row's own value, such as resources, is not descended). */
    private static void leaves(JsonNode node, String prefix, List<String> rows, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (rows.contains(key) || !e.getValue().isObject()) {
                out.add(key);
            } else {
                leaves(e.getValue(), key + ".", rows, out);
            }
        }
    }
}
