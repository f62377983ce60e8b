package dev.esnetpol.input;

import java.util.HashMap;
import java.util.Map;

/**
 * The line each field of a document starts on, by field path ({@code spec.kafka.listeners[1].port}),
 * so that a problem found long after parsing (in validation, by path) still points at its line. Also what a
 * tree forgets and strict reading needs: fields given twice in one mapping ({@code duplicates}, path to the
 * line of the repeat) and the source text of scalars YAML did not read as strings ({@code texts}: a label
 * value {@code 1.10} is the number 1.1 in the tree, {@code "1.10"} here).
 */
public record LineIndex(Map<String, Integer> lines, Map<String, Integer> duplicates, Map<String, String> texts) {

    public static final LineIndex EMPTY = new LineIndex(Map.of());

    public LineIndex {
        lines = Map.copyOf(lines);
        duplicates = Map.copyOf(duplicates);
        texts = Map.copyOf(texts);
    }

    public LineIndex(Map<String, Integer> lines) {
        this(lines, Map.of(), Map.of());
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

    /** The source text of the non-string scalar at {@code path}, when the reader kept it. */
    public String textOf(String path) {
        return texts.get(path);
    }

    /** The index of the value at {@code prefix} (an item of a List wrapper), its paths made relative to it. */
    public LineIndex under(String prefix) {
        return new LineIndex(sub(lines, prefix), sub(duplicates, prefix), sub(texts, prefix));
    }

    private static <V> Map<String, V> sub(Map<String, V> map, String prefix) {
        Map<String, V> sub = new HashMap<>();
        map.forEach((path, v) -> {
            if (path.startsWith(prefix + ".")) {
                sub.put(path.substring(prefix.length() + 1), v);
            }
        });
        return sub;
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
