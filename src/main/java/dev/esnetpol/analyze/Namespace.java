package dev.esnetpol.analyze;

import java.util.Map;
import java.util.TreeMap;

/** A namespace and its labels; {@code kubernetes.io/metadata.name} is always set, as the API server does. */
public record Namespace(String name, Map<String, String> labels) {

    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public Namespace {
        Map<String, String> all = new TreeMap<>(labels == null ? Map.of() : labels);
        all.put(NAME_LABEL, name);
        labels = Map.copyOf(all);
    }

    public static Namespace named(String name) {
        return new Namespace(name, Map.of());
    }
}
