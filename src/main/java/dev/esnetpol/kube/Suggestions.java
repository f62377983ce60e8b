package dev.esnetpol.kube;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known names closest to a misspelt one, for messages about unknown fields, kinds or
 * options. Close means one of: at most a third of the letters edited (insert, delete, replace, swap two
 * neighbours; at least one edit allowed), or one name a prefix of the other ({@code prot} and
 * {@code protocol}, {@code froms} and {@code from}).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The close candidates, closest first (prefix matches before edits of the same distance); empty when none is close. */
    public static List<String> closest(String unknown, Collection<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance, boolean prefix) {
        }
        return known.stream()
                .distinct()
                .map(k -> {
                    String l = k.toLowerCase(Locale.ROOT);
                    boolean prefix = Math.min(l.length(), u.length()) >= 3 && (l.startsWith(u) || u.startsWith(l));
                    return new Scored(k, distance(u, l), prefix);
                })
                .filter(s -> !s.name().equals(unknown))
                .filter(s -> s.prefix() || s.distance() <= Math.max(1, unknown.length() / 3))
                .sorted(Comparator.comparingInt((Scored s) -> s.prefix() ? 0 : 1).thenComparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name)
                .toList();
    }

    /** {@code " (did you mean 'a' or 'b'?)"}, or the empty string when nothing is close: ready to append to a message. */
    public static String didYouMean(String unknown, Collection<String> known) {
        List<String> close = closest(unknown, known);
        if (close.isEmpty()) {
            return "";
        }
        List<String> shown = close.subList(0, Math.min(2, close.size()));
        return " (did you mean '" + String.join("' or '", shown) + "'?)";
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
