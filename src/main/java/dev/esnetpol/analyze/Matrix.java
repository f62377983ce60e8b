package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Connectivity between workloads (endpoints grouped by their owner: Deployment, StatefulSet, ..., or the pod
 * itself) and between workloads and ranges of external addresses. Computed on pod classes: a workload's
 * connectivity is that of its first endpoint's class. Nothing per pair is kept: the class matrix is an int
 * per class pair ({@link ClassMatrix}) and entries are produced in order, one at a time
 * ({@link #forEach(Consumer)}), so a printer can stream them.
 *
 * <p>External ranges are merged per pair: for each workload and direction, adjacent ranges of
 * {@link ExternalRanges} with the same connections are one entry (the coarsest split that keeps that pair
 * exact), and a range nothing passes to or from is not listed.
 */
public final class Matrix {

    /** An allowed connection set between two distinct peers; {@code external} marks an address range. */
    public record Entry(String from, String to, Connections connections, String connectionsText, boolean fromExternal, boolean toExternal) {
    }

    /** A merged range of outside addresses and what passes between it and one class. */
    private record RangeFact(String name, int connections) {
    }

    private final List<String> workloads;
    private final int[] workloadClass;
    private final ClassMatrix classMatrix;
    /** Per class: the merged outside ranges it may open connections to, and those it accepts from; in address order. */
    private final Map<Integer, List<RangeFact>> outbound = new LinkedHashMap<>();
    private final Map<Integer, List<RangeFact>> inbound = new LinkedHashMap<>();
    private final List<String> rangeNames;

    private Matrix(Analyzer analyzer) {
        Map<String, Pod> peers = new TreeMap<>();
        for (Pod p : analyzer.endpoints()) {
            peers.putIfAbsent(workloadName(p), p);
        }
        this.workloads = List.copyOf(peers.keySet());
        this.workloadClass = new int[workloads.size()];
        for (int i = 0; i < workloads.size(); i++) {
            workloadClass[i] = analyzer.classOf(peers.get(workloads.get(i))).id;
        }
        this.classMatrix = new ClassMatrix(analyzer);
        classMatrix.ids();
        List<ExternalRanges.Range> ranges = new ArrayList<>(ExternalRanges.ipv4(analyzer.cluster().policies()).ranges());
        if (ExternalRanges.anyIpv6(analyzer.cluster().policies())) {
            ranges.addAll(ExternalRanges.ipv6(analyzer.cluster().policies()).ranges());
        }
        ConnectionsTable table = classMatrix.table();
        TreeSet<String> names = new TreeSet<>();
        for (int c : workloadClass) {
            if (outbound.containsKey(c)) {
                continue;
            }
            int[] in = new int[ranges.size()];
            int[] out = new int[ranges.size()];
            boolean inOpen = !analyzer.isolatedForIngress(c);
            boolean outOpen = !analyzer.isolatedForEgress(c);
            for (int r = 0; r < ranges.size(); r++) {
                Node.ExternalNode probe = new Node.ExternalNode(ranges.get(r).first(), ranges.get(r).ipv6());
                in[r] = inOpen ? ConnectionsTable.ALL : table.id(analyzer.ingressFromAddress(c, probe));
                out[r] = outOpen ? ConnectionsTable.ALL : table.id(analyzer.egressToAddress(c, probe));
            }
            inbound.put(c, merge(ranges, in, names));
            outbound.put(c, merge(ranges, out, names));
        }
        this.rangeNames = List.copyOf(names);
    }

    public static Matrix of(Analyzer analyzer) {
        return new Matrix(analyzer);
    }

    /** Adjacent ranges (same family) with the same connections as one, nothing-allowed ranges left out. */
    private static List<RangeFact> merge(List<ExternalRanges.Range> ranges, int[] connections, TreeSet<String> names) {
        List<RangeFact> out = new ArrayList<>();
        int start = 0;
        for (int r = 1; r <= ranges.size(); r++) {
            boolean boundary = r == ranges.size() || connections[r] != connections[start] || ranges.get(r).ipv6() != ranges.get(start).ipv6();
            if (boundary) {
                if (connections[start] != ConnectionsTable.NONE) {
                    ExternalRanges.Range first = ranges.get(start);
                    ExternalRanges.Range last = ranges.get(r - 1);
                    String name = new ExternalRanges.Range(first.first(), last.last(), first.ipv6()).text() + "[External]";
                    names.add(name);
                    out.add(new RangeFact(name, connections[start]));
                }
                start = r;
            }
        }
        out.sort(Comparator.comparing(RangeFact::name)); // printed in name order, as np-guard sorts its lines
        return out;
    }

    public List<String> workloads() {
        return workloads;
    }

    /** The names of the merged outside ranges that appear in some entry, sorted. */
    public List<String> externalRanges() {
        return rangeNames;
    }

    /** Every entry, sorted by source then destination (as np-guard sorts its lines), one at a time. */
    public void forEach(Consumer<Entry> action) {
        ConnectionsTable table = classMatrix.table();
        int[][] m = classMatrix.ids();
        // Sources that are outside ranges: what each workload accepts from them, grouped by range name.
        TreeMap<String, List<Entry>> fromRanges = new TreeMap<>();
        for (int w = 0; w < workloads.size(); w++) {
            for (RangeFact f : inbound.get(workloadClass[w])) {
                fromRanges.computeIfAbsent(f.name(), k -> new ArrayList<>())
                        .add(new Entry(f.name(), workloads.get(w), table.get(f.connections()), table.text(f.connections()), true, false));
            }
        }
        int w = 0;
        for (Map.Entry<String, List<Entry>> e : fromRanges.entrySet()) {
            while (w < workloads.size() && workloads.get(w).compareTo(e.getKey()) < 0) {
                row(w++, m, table, action);
            }
            e.getValue().forEach(action);
        }
        while (w < workloads.size()) {
            row(w++, m, table, action);
        }
    }

    /** What workload {@code w} may open: to other workloads and outside ranges, merged in name order. */
    private void row(int w, int[][] m, ConnectionsTable table, Consumer<Entry> action) {
        String from = workloads.get(w);
        int[] ids = m[workloadClass[w]];
        List<RangeFact> ranges = outbound.get(workloadClass[w]);
        int r = 0;
        for (int d = 0; d < workloads.size(); d++) {
            String to = workloads.get(d);
            while (r < ranges.size() && ranges.get(r).name().compareTo(to) < 0) {
                emitRange(from, ranges.get(r++), table, action);
            }
            int c = ids[workloadClass[d]];
            if (d != w && c != ConnectionsTable.NONE) {
                action.accept(new Entry(from, to, table.get(c), table.text(c), false, false));
            }
        }
        while (r < ranges.size()) {
            emitRange(from, ranges.get(r++), table, action);
        }
    }

    private static void emitRange(String from, RangeFact f, ConnectionsTable table, Consumer<Entry> action) {
        action.accept(new Entry(from, f.name(), table.get(f.connections()), table.text(f.connections()), false, true));
    }

    /** Every entry in a list (small matrices; printers should use {@link #forEach(Consumer)}). */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** {@code namespace/owner[Kind]}, np-guard's name for a workload. */
    public static String workloadName(Pod p) {
        return p.namespace() + "/" + p.owner();
    }
}
