package dev.esnetpol.input;

import java.util.Map;

/**
 * The line each field of a document starts on, by field path ({@code spec.kafka.listeners[1].port}),
 * so that a problem found long after parsing (in validation, by path) still points at its line.
 */
public record LineIndex(Map<String, Integer> lines) {

    public static final LineIndex EMPTY = new LineIndex(Map.of());

    public LineIndex {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, or of its nearest enclosing field that has one, or {@code fallback}. */
    public int lineOf(String path, int fallback) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = parent(p);
        }
        return fallback;
    }

    /** The index of the value at {@code prefix} (an item of a List wrapper), its paths made relative to it. */
    public LineIndex under(String prefix) {
        java.util.Map<String, Integer> sub = new java.util.HashMap<>();
        lines.forEach((path, line) -> {
            if (path.startsWith(prefix + ".")) {
                sub.put(path.substring(prefix.length() + 1), line);
            }
        });
        return new LineIndex(sub);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
