package dev.esnetpol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The values table of docs/operator.md, made from the chart's values.schema.json: one row per key that has a
 * default (an object without one, like {@code image}, is a group: its keys are the rows), with its type, default and
 * description. The schema is the one place both the table and Helm's validation read.
 */
final class HelmValuesTable {

    static final Path SCHEMA = HelmChart.CHART.resolve("values.schema.json");

    /** One documented key: its dotted path, its schema (after $ref), its default. */
    record Row(String key, String type, JsonNode defaultValue, String description) {
    }

    private HelmValuesTable() {
    }

    static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    static List<Row> rows() throws IOException {
        JsonNode schema = schema();
        List<Row> rows = new ArrayList<>();
        collect(schema, schema, "", rows);
        return rows;
    }

    private static void collect(JsonNode root, JsonNode node, String prefix, List<Row> rows) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode s = e.getValue();
            if (s.has("default")) {
                if (!s.hasNonNull("description")) {
                    throw new IllegalStateException(key + " has no description in " + SCHEMA);
                }
                rows.add(new Row(key, type(root, s), s.get("default"), s.get("description").asText()));
            } else if (s.has("properties")) {
                collect(root, s, key + ".", rows);
            } else {
                throw new IllegalStateException(key + " has neither a default nor keys in " + SCHEMA);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode s) {
        if (s.has("$ref")) {
            return root.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    /** A short reading of a schema's type: a definition's title, "one of" an enum, "list of" items, "map of" values. */
    static String type(JsonNode root, JsonNode s) {
        JsonNode r = resolve(root, s);
        if (r.has("title") && s.has("$ref")) {
            return r.get("title").asText();
        }
        if (r.has("enum")) {
            List<String> values = new ArrayList<>();
            r.get("enum").forEach(v -> values.add(v.asText().isEmpty() ? "\"\"" : v.asText()));
            return "one of " + String.join(", ", values);
        }
        String t = r.path("type").asText();
        if (t.equals("array")) {
            return "list of " + type(root, r.get("items"));
        }
        if (t.equals("object") && r.path("additionalProperties").isObject()) {
            String keys = r.has("propertyNames") ? type(root, r.get("propertyNames")) : "string";
            return "map of " + keys + " to " + type(root, r.get("additionalProperties"));
        }
        if (r.has("minimum")) {
            return t + (r.has("maximum") ? " " + r.get("minimum") + "-" + r.get("maximum") : " from " + r.get("minimum"));
        }
        return t;
    }

    /** The Markdown table. */
    static String markdown() throws IOException {
        StringBuilder out = new StringBuilder("| Key | Type | Default | Description |\n| --- | --- | --- | --- |\n");
        for (Row row : rows()) {
            out.append("| `").append(row.key()).append("` | ").append(cell(row.type())).append(" | `")
                    .append(cell(row.defaultValue().toString())).append("` | ").append(cell(row.description())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
