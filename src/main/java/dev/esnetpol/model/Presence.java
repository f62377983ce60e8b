package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block whose presence is what matters to network policies ({@code adminApi: {}},
 * {@code metricsConfig: {...}}, {@code cruiseControl: {}}); its content configures other things and is
 * kept as it is, so that reading and writing a resource never loses a field.
 */
public class Presence {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @JsonAnySetter
    public void set(String key, Object value) {
        fields.put(key, value);
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    public static boolean present(Presence p) {
        return p != null;
    }
}
