package dev.esnetpol.analyze;

import java.util.Arrays;

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

    /**
     * Each destination's ingress column, then each source's egress row ({@link EveryClass}: NetworkPolicies, and
     * the tiers when the cluster has cluster-scoped policies), one rule's matching classes at a time.
     */
    private int[][] build() {
        int n = analyzer.classes.classes.size();
        EveryClass every = new EveryClass(analyzer, table);
        int[][] m = new int[n][n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(m[s], ConnectionsTable.ALL);
        }
        int[] column = new int[n];
        for (int d = 0; d < n; d++) {
            if (every.ingressFrom(d, column) != null) {
                for (int s = 0; s < n; s++) {
                    m[s][d] = column[s];
                }
            }
        }
        int[] row = new int[n];
        for (int s = 0; s < n; s++) {
            if (every.egressTo(s, row) != null) {
                int[] ms = m[s];
                for (int d = 0; d < n; d++) {
                    ms[d] = table.intersect(ms[d], row[d]);
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
