package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct connection sets, each stored once and named by a small int, with their unions and
 * intersections remembered. A matrix of n² pairs then holds n² ints and a handful of sets, however many
 * pairs share them (at 5,000 pods, a few dozen sets for millions of pairs). Id 0 is {@link Connections#NONE},
 * id 1 {@link Connections#ALL}.
 */
public final class ConnectionsTable {

    public static final int NONE = 0;
    public static final int ALL = 1;
    /** Past this many distinct sets the exact memo stops growing (its size is the square of this). */
    private static final int MEMO_LIMIT = 2048;
    /** Entries of the bounded cache for operations on sets past {@link #MEMO_LIMIT} (a power of two). */
    private static final int CACHE_SIZE = 1 << 16;

    private final List<Connections> byId = new ArrayList<>();
    private final Map<Connections, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private int[][] unions = new int[0][];
    private int[][] intersections = new int[0][];
    /** {@link #complement} by id, -1 where not computed yet. */
    private int[] complements = new int[0];
    /**
     * Operations on sets past the memo's limit, direct-mapped: a key (operation, both ids) and its result per
     * slot, a newer key overwriting an older one. Bounded (768 KiB), and enough: clusters of 20,000 pods
     * with ipBlocks have ~3,000 distinct sets, and without it every union past the limit built and hashed a
     * new set (4 of the 6 seconds of the matrix).
     */
    private long[] cacheKeys;
    private int[] cacheValues;

    public ConnectionsTable() {
        id(Connections.NONE);
        id(Connections.ALL);
    }

    /** The id of {@code c}, added when new. */
    public int id(Connections c) {
        Integer known = ids.get(c);
        if (known != null) {
            return known;
        }
        int id = byId.size();
        byId.add(c);
        texts.add(null);
        ids.put(c, id);
        return id;
    }

    public Connections get(int id) {
        return byId.get(id);
    }

    /** {@code get(id).toString()}, built once per set. */
    public String text(int id) {
        String t = texts.get(id);
        if (t == null) {
            t = byId.get(id).toString();
            texts.set(id, t);
        }
        return t;
    }

    public int size() {
        return byId.size();
    }

    public int union(int a, int b) {
        if (a == b || b == NONE || a == ALL) {
            return a;
        }
        if (a == NONE || b == ALL) {
            return b;
        }
        return memo(true, a, b);
    }

    public int intersect(int a, int b) {
        if (a == b || a == NONE || b == ALL) {
            return a;
        }
        if (b == NONE || a == ALL) {
            return b;
        }
        return memo(false, a, b);
    }

    /**
     * {@code get(a).minus(get(b))}: {@code a} intersected with the complement of {@code b}, so it shares the
     * intersections' memo (each complement is computed once per set).
     */
    public int minus(int a, int b) {
        if (a == NONE || b == NONE) {
            return a;
        }
        if (a == b || b == ALL) {
            return NONE;
        }
        return intersect(a, complement(b));
    }

    /** {@code ALL.minus(get(id))}, remembered per set. */
    private int complement(int id) {
        if (id >= complements.length) {
            int old = complements.length;
            complements = Arrays.copyOf(complements, Math.max(16, Math.max(id + 1, old * 2)));
            Arrays.fill(complements, old, complements.length, -1);
        }
        if (complements[id] < 0) {
            complements[id] = id(Connections.ALL.minus(byId.get(id)));
        }
        return complements[id];
    }

    private int memo(boolean union, int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        if (hi >= MEMO_LIMIT) {
            return cached(union, lo, hi);
        }
        int[][] table = union ? unions : intersections;
        if (hi >= table.length) {
            table = Arrays.copyOf(table, Math.min(MEMO_LIMIT, Math.max(16, (hi + 1) * 2)));
            if (union) {
                unions = table;
            } else {
                intersections = table;
            }
        }
        int[] row = table[hi];
        if (row == null || row.length <= lo) {
            int[] grown = new int[hi + 1];
            Arrays.fill(grown, -1);
            if (row != null) {
                System.arraycopy(row, 0, grown, 0, row.length);
            }
            row = grown;
            table[hi] = row;
        }
        if (row[lo] < 0) {
            row[lo] = compute(union, lo, hi);
        }
        return row[lo];
    }

    private int cached(boolean union, int lo, int hi) {
        if (cacheKeys == null) {
            cacheKeys = new long[CACHE_SIZE];
            Arrays.fill(cacheKeys, -1L);
            cacheValues = new int[CACHE_SIZE];
        }
        // Ids are below 2^31: both fit in the key, with the operation in its sign bit (no key is -1, the empty slot).
        long key = ((long) lo << 32 | hi) | (union ? 0L : Long.MIN_VALUE);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 48) & (CACHE_SIZE - 1);
        if (cacheKeys[slot] != key) {
            cacheValues[slot] = compute(union, lo, hi);
            cacheKeys[slot] = key;
        }
        return cacheValues[slot];
    }

    private int compute(boolean union, int a, int b) {
        return id(union ? byId.get(a).union(byId.get(b)) : byId.get(a).intersect(byId.get(b)));
    }
}
