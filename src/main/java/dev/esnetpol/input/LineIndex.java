package dev.esnetpol.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * The indexes of the items of the array at top-level field {@code field} (the {@code items} of a List
     * wrapper), each with paths relative to its item: {@code items[3].spec.podSelector} is
     * {@code spec.podSelector} in the fourth. One pass over the paths, so a List of N objects costs what N
     * documents cost, not N times the whole List.
     *
     * @param count how many items the array has; items without any field get an empty index
     */
    public List<LineIndex> items(String field, int count) {
        List<Map<String, Integer>> itemLines = buckets(count);
        List<Map<String, Integer>> itemDuplicates = buckets(count);
        List<Map<String, String>> itemTexts = buckets(count);
        split(lines, field, itemLines);
        split(duplicates, field, itemDuplicates);
        split(texts, field, itemTexts);
        List<LineIndex> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new LineIndex(itemLines.get(i), itemDuplicates.get(i), itemTexts.get(i)));
        }
        return out;
    }

    /** This index with every path placed under {@code prefix} ({@code a.b} becomes {@code prefix.a.b}). */
    public LineIndex under(String prefix) {
        return new LineIndex(prefixed(lines, prefix), prefixed(duplicates, prefix), prefixed(texts, prefix));
    }

    private static <V> Map<String, V> prefixed(Map<String, V> map, String prefix) {
        Map<String, V> out = new HashMap<>();
        map.forEach((path, v) -> out.put(path.startsWith("[") ? prefix + path : prefix + "." + path, v));
        return out;
    }

    private static <V> List<Map<String, V>> buckets(int count) {
        List<Map<String, V>> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new HashMap<>());
        }
        return buckets;
    }

    /** Puts each {@code field[i].rest} of {@code map} into {@code buckets[i]} as {@code rest}. */
    private static <V> void split(Map<String, V> map, String field, List<Map<String, V>> buckets) {
        String open = field + "[";
        map.forEach((path, v) -> {
            if (!path.startsWith(open)) {
                return;
            }
            int close = path.indexOf(']', open.length());
            if (close < 0 || close + 1 >= path.length() || path.charAt(close + 1) != '.') {
                return; // the item itself, or not an item path
            }
            int index;
            try {
                index = Integer.parseInt(path, open.length(), close, 10);
            } catch (NumberFormatException e) {
                return;
            }
            if (index < buckets.size()) {
                buckets.get(index).put(path.substring(close + 2), v);
            }
        });
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
