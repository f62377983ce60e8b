package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trees as plain Java values, for the {@code additionalProperties} of fabric8's model ({@link TreeFields#unknown}). */
final class PlainValues {

    private PlainValues() {
    }

    /** A tree as Jackson reads it into {@code Object}: mappings as ordered maps, lists, and the scalars' own types. */
    static Object of(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), of(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(of(item)));
            return list;
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBinary()) {
            try {
                return node.binaryValue();
            } catch (java.io.IOException e) {
                return node.asText();
            }
        }
        return node.toString();
    }
}
