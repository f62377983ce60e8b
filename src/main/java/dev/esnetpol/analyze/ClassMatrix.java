package dev.esnetpol.analyze;

import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connectivity between every two pod classes at once, as ids in a {@link ConnectionsTable}: {@code
 * ids()[s][d]} for source class s and destination class d. Two passes over rule bit sets (ingress columns,
 * then egress rows), never a rule loop per pair, and no object per pair.
 */
public final class ClassMatrix {

    private final Analyzer analyzer;
    private final ConnectionsTable table;
    private int[][] ids;

    ClassMatrix(Analyzer analyzer) {
        this(analyzer, new ConnectionsTable());
    }

    ClassMatrix(Analyzer analyzer, ConnectionsTable table) {
        this.analyzer = analyzer;
        this.table = table;
    }

    public ConnectionsTable table() {
        return table;
    }

    /** {@code [source class][destination class]}: ids in {@link #table()}. */
    public int[][] ids() {
        if (ids == null) {
            ids = build();
        }
        return ids;
    }

    /** The same as objects, null where nothing is allowed. */
    Connections[][] compute() {
        int[][] m = ids();
        Connections[][] out = new Connections[m.length][];
        for (int s = 0; s < m.length; s++) {
            out[s] = new Connections[m.length];
            for (int d = 0; d < m.length; d++) {
                out[s][d] = m[s][d] == ConnectionsTable.NONE ? null : table.get(m[s][d]);
            }
        }
        return out;
    }

    private int[][] build() {
        if (analyzer.tiers.any) {
            return buildThroughTiers();
        }
        List<PodClass> classes = analyzer.classes.classes;
        CompiledPolicies compiled = analyzer.compiled;
        int n = classes.size();
        int[][] m = new int[n][n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(m[s], ConnectionsTable.ALL);
        }
        Map<CompiledRule, Integer> fixedIds = new IdentityHashMap<>();
        int[] column = new int[n];
        for (int d = 0; d < n; d++) {
            if (compiled.ingressPolicies.get(d).isEmpty()) {
                continue;
            }
            Arrays.fill(column, ConnectionsTable.NONE);
            Pod dst = classes.get(d).representative;
            for (CompiledRule r : compiled.ingressRules.get(d)) {
                int c = r.isFixed() ? fixedIds.computeIfAbsent(r, k -> table.id(k.connectionsTo(null))) : table.id(r.connectionsTo(dst));
                if (c == ConnectionsTable.NONE) {
                    continue;
                }
                if (r.allPeers) {
                    for (int s = 0; s < n; s++) {
                        column[s] = table.union(column[s], c);
                    }
                } else {
                    BitSet b = r.podClasses;
                    for (int s = b.nextSetBit(0); s >= 0; s = b.nextSetBit(s + 1)) {
                        column[s] = table.union(column[s], c);
                    }
                }
            }
            for (int s = 0; s < n; s++) {
                m[s][d] = column[s];
            }
        }
        int[] row = new int[n];
        for (int s = 0; s < n; s++) {
            if (compiled.egressPolicies.get(s).isEmpty()) {
                continue;
            }
            Arrays.fill(row, ConnectionsTable.NONE);
            for (CompiledRule r : compiled.egressRules.get(s)) {
                int fixed = r.isFixed() ? fixedIds.computeIfAbsent(r, k -> table.id(k.connectionsTo(null))) : -1;
                if (fixed == ConnectionsTable.NONE) {
                    continue;
                }
                if (r.allPeers) {
                    for (int d = 0; d < n; d++) {
                        row[d] = table.union(row[d], fixed >= 0 ? fixed : table.id(r.connectionsTo(classes.get(d).representative)));
                    }
                } else {
                    BitSet b = r.podClasses;
                    for (int d = b.nextSetBit(0); d >= 0; d = b.nextSetBit(d + 1)) {
                        row[d] = table.union(row[d], fixed >= 0 ? fixed : table.id(r.connectionsTo(classes.get(d).representative)));
                    }
                }
            }
            int[] ms = m[s];
            for (int d = 0; d < n; d++) {
                ms[d] = table.intersect(ms[d], row[d]);
            }
        }
        return stated(m);
    }

    /**
     * With cluster-scoped policies: each destination's ingress column and each source's egress row through the
     * tiers ({@link EveryClass}), one rule's matching classes at a time.
     */
    private int[][] buildThroughTiers() {
        int n = analyzer.classes.classes.size();
        int[][] m = new int[n][n];
        for (int d = 0; d < n; d++) {
            Connections[] column = EveryClass.ingressFrom(analyzer, d);
            for (int s = 0; s < n; s++) {
                m[s][d] = column[s] == null ? ConnectionsTable.NONE : column[s] == Connections.ALL ? ConnectionsTable.ALL : table.id(column[s]);
            }
        }
        for (int s = 0; s < n; s++) {
            Connections[] row = EveryClass.egressTo(analyzer, s);
            int[] ms = m[s];
            for (int d = 0; d < n; d++) {
                if (row[d] != Connections.ALL) {
                    ms[d] = row[d] == null ? ConnectionsTable.NONE : table.intersect(ms[d], table.id(row[d]));
                }
            }
        }
        return stated(m);
    }

    /** The matrix as the profile states its sets. */
    private int[][] stated(int[][] m) {
        if (!analyzer.profile().otherProtocolsDistinct()) {
            int[] stated = new int[table.size()];
            for (int id = 0; id < stated.length; id++) {
                stated[id] = table.id(analyzer.profile().state(table.get(id)));
            }
            for (int[] ms : m) {
                for (int d = 0; d < ms.length; d++) {
                    ms[d] = stated[ms[d]];
                }
            }
        }
        return m;
    }
}
