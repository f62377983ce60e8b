package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;

/**
 * Reads one value from Jackson's token stream into a tree, as {@code ObjectMapper.readTree} does with its
 * default settings ({@link ScalarNodes}), and records the line of every field and array item on the way: a
 * JsonNode forgets where it came from. No {@code ObjectMapper} is involved (see {@link DocumentParser}).
 */
final class LocatedTreeReader {

    private final Map<String, Integer> lines;
    private final Map<String, Integer> duplicates = new java.util.HashMap<>();
    private final Map<String, String> texts = new java.util.HashMap<>();

    LocatedTreeReader(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** What was read: lines, repeated fields, source text of the scalars that are not strings. */
    LineIndex index() {
        return new LineIndex(lines, duplicates, texts);
    }

    /** Reads the value at the parser's current token; leaves the parser on the value's last token. */
    JsonNode read(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (!path.isEmpty()) {
            lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        }
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                int line = parser.currentTokenLocation().getLineNr();
                if (object.has(name)) {
                    // The API server's strict field validation refuses a repeated field; a tree keeps only the last.
                    duplicates.putIfAbsent(child, line);
                } else {
                    lines.put(child, line);
                }
                parser.nextToken();
                object.set(name, read(parser, child));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, path + "[" + i++ + "]"));
            }
            return array;
        }
        if (token != null && token.isScalarValue() && token != JsonToken.VALUE_STRING && !path.isEmpty()) {
            texts.put(path, parser.getText());
        }
        return ScalarNodes.of(parser);
    }
}
