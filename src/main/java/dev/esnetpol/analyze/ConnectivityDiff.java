package dev.esnetpol.analyze;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changes in connectivity from one cluster ({@code before}) to another ({@code after}), as data: per pair of
 * peers (workloads, and a workload and a range of outside addresses), the connections of each side and
 * whether the pair's connectivity was {@link Kind#ADDED} (none before), {@link Kind#REMOVED} (none after) or
 * {@link Kind#CHANGED}, with the rules that decide the changed connections on each side. Pairs whose
 * connectivity is the same are not listed; a diff with no change means the two clusters allow exactly the
 * same connections between the same peers.
 *
 * <p>Computed from the two {@link Matrix matrices}: pairs of workloads compared by name
 * ({@code namespace/owner[Kind]}, so a workload that exists on one side only has all its connections added or
 * removed, and says so in {@link Change#workloadInfo()}); outside ranges compared address by address, each
 * workload's ranges cut at the edges of both sides' ranges and adjacent ranges with the same change merged.
 */
public final class ConnectivityDiff {

    /** The kinds of change, in the order np-guard netpol-analyzer's {@code diff} lists them. */
    public enum Kind { CHANGED, ADDED, REMOVED }

    /**
     * One pair whose connections differ. {@code before}/{@code after} are {@link Connections#NONE} where the
     * pair allows nothing (or a workload does not exist) on that side; the reasons are for the connections that
     * change ({@link #changed()}) on that side, null where an end does not exist there.
     *
     * @param workloadInfo {@code workload ns/name[Kind] added} (or removed) when an end exists on one side only, else null
     */
    public record Change(Kind kind, String from, String to, Connections before, Connections after,
                         PairReasons beforeReasons, PairReasons afterReasons, String workloadInfo) {

        /** What the after side allows and the before side did not. */
        public Connections added() {
            return after.minus(before);
        }

        /** What the before side allowed and the after side does not. */
        public Connections removed() {
            return before.minus(after);
        }

        /** Every connection whose verdict changes: {@link #added()} and {@link #removed()}. */
        public Connections changed() {
            return added().union(removed());
        }
    }

    private final List<Change> changes;
    private final List<String> addedWorkloads;
    private final List<String> removedWorkloads;

    private ConnectivityDiff(List<Change> changes, List<String> addedWorkloads, List<String> removedWorkloads) {
        this.changes = List.copyOf(changes);
        this.addedWorkloads = List.copyOf(addedWorkloads);
        this.removedWorkloads = List.copyOf(removedWorkloads);
    }

    /** The changes from {@code before} to {@code after} within {@code focus}. */
    public static ConnectivityDiff of(Analyzer before, Analyzer after, Focus focus) {
        return new Builder(before, after, focus).build();
    }

    /** Every change: changed pairs, then added, then removed, each sorted by source then destination. */
    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Workloads only the after side has, sorted. */
    public List<String> addedWorkloads() {
        return addedWorkloads;
    }

    /** Workloads only the before side has, sorted. */
    public List<String> removedWorkloads() {
        return removedWorkloads;
    }

    /** One side's facts: pairs of workloads, and per workload and direction its outside ranges. */
    private record Side(Analyzer analyzer, Matrix matrix, Set<String> workloads, Map<String, Connections> pairs,
                        Map<String, List<RangeConnections>> ranges) {

        static Side of(Analyzer analyzer) {
            Matrix m = Matrix.of(analyzer);
            Map<String, Connections> pairs = new LinkedHashMap<>();
            Map<String, List<RangeConnections>> ranges = new LinkedHashMap<>();
            m.forEach(e -> {
                if (e.fromExternal()) {
                    ranges.computeIfAbsent(rangeKey(e.to(), false), k -> new ArrayList<>()).add(new RangeConnections(m.range(e.from()), e.connections()));
                } else if (e.toExternal()) {
                    ranges.computeIfAbsent(rangeKey(e.from(), true), k -> new ArrayList<>()).add(new RangeConnections(m.range(e.to()), e.connections()));
                } else {
                    pairs.put(pairKey(e.from(), e.to()), e.connections());
                }
            });
            return new Side(analyzer, m, new HashSet<>(m.workloads()), pairs, ranges);
        }

        Connections at(String key, BigInteger address, boolean ipv6) {
            for (RangeConnections r : ranges.getOrDefault(key, List.of())) {
                if (r.range().ipv6() == ipv6 && r.range().first().compareTo(address) <= 0 && r.range().last().compareTo(address) >= 0) {
                    return r.connections();
                }
            }
            return Connections.NONE;
        }
    }

    private record RangeConnections(ExternalRanges.Range range, Connections connections) {
    }

    private static String pairKey(String from, String to) {
        return from + " => " + to;
    }

    /** A workload's outside ranges in one direction: {@code outbound} = it opens connections to them. */
    private static String rangeKey(String workload, boolean outbound) {
        return (outbound ? "out " : "in ") + workload;
    }

    private static final class Builder {
        private final Side before;
        private final Side after;
        private final Focus focus;
        private final List<Change> changes = new ArrayList<>();

        Builder(Analyzer before, Analyzer after, Focus focus) {
            this.before = Side.of(before);
            this.after = Side.of(after);
            this.focus = focus;
        }

        ConnectivityDiff build() {
            Set<String> pairs = new TreeSet<>(before.pairs().keySet());
            pairs.addAll(after.pairs().keySet());
            for (String key : pairs) {
                String[] ends = key.split(" => ", 2);
                add(ends[0], ends[1], before.pairs().getOrDefault(key, Connections.NONE), after.pairs().getOrDefault(key, Connections.NONE), null, null);
            }
            Set<String> workloads = new TreeSet<>(before.workloads());
            workloads.addAll(after.workloads());
            for (String w : workloads) {
                ranges(w, true);
                ranges(w, false);
            }
            changes.sort(Comparator.comparing(Change::kind).thenComparing(Change::from).thenComparing(Change::to));
            return new ConnectivityDiff(changes, only(after, before), only(before, after));
        }

        private static List<String> only(Side in, Side notIn) {
            return in.workloads().stream().filter(w -> !notIn.workloads().contains(w)).sorted().toList();
        }

        /** A workload's outside ranges in one direction, cut at the edges of both sides' ranges. */
        private void ranges(String workload, boolean outbound) {
            String key = rangeKey(workload, outbound);
            for (boolean ipv6 : new boolean[]{false, true}) {
                TreeSet<BigInteger> cuts = new TreeSet<>();
                BigInteger max = BigInteger.ONE.shiftLeft(ipv6 ? 128 : 32).subtract(BigInteger.ONE);
                for (Side s : List.of(before, after)) {
                    for (RangeConnections r : s.ranges().getOrDefault(key, List.of())) {
                        if (r.range().ipv6() == ipv6) {
                            cuts.add(r.range().first());
                            if (r.range().last().compareTo(max) < 0) {
                                cuts.add(r.range().last().add(BigInteger.ONE));
                            }
                        }
                    }
                }
                if (cuts.isEmpty()) {
                    continue; // neither side lets anything pass in this family
                }
                cuts.add(BigInteger.ZERO);
                List<BigInteger> starts = new ArrayList<>(cuts);
                int i = 0;
                while (i < starts.size()) {
                    Connections b = before.at(key, starts.get(i), ipv6);
                    Connections a = after.at(key, starts.get(i), ipv6);
                    int j = i + 1; // merge the following ranges with the same change
                    while (j < starts.size() && before.at(key, starts.get(j), ipv6).equals(b) && after.at(key, starts.get(j), ipv6).equals(a)) {
                        j++;
                    }
                    BigInteger last = j < starts.size() ? starts.get(j).subtract(BigInteger.ONE) : max;
                    ExternalRanges.Range range = new ExternalRanges.Range(starts.get(i), last, ipv6);
                    String name = range.text() + "[External]";
                    Node address = new Node.ExternalNode(range.first(), ipv6);
                    if (outbound) {
                        add(workload, name, b, a, null, address);
                    } else {
                        add(name, workload, b, a, address, null);
                    }
                    i = j;
                }
            }
        }

        /** One pair's change, if any within the focus; {@code fromAddress}/{@code toAddress}: the end that is an outside range. */
        private void add(String from, String to, Connections b, Connections a, Node fromAddress, Node toAddress) {
            if (!focus.includes(from, to)) {
                return;
            }
            b = focus.restrict(b);
            a = focus.restrict(a);
            if (a.equals(b)) {
                return;
            }
            Kind kind = b.isEmpty() ? Kind.ADDED : a.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
            Connections changed = a.minus(b).union(b.minus(a));
            changes.add(new Change(kind, from, to, b, a, reasons(before, from, to, fromAddress, toAddress, changed),
                    reasons(after, from, to, fromAddress, toAddress, changed), workloadInfo(from, to)));
        }

        private static PairReasons reasons(Side side, String from, String to, Node fromAddress, Node toAddress, Connections changed) {
            if (fromAddress == null && !side.workloads().contains(from) || toAddress == null && !side.workloads().contains(to)) {
                return null;
            }
            Node f = fromAddress != null ? fromAddress : side.matrix().node(from);
            Node t = toAddress != null ? toAddress : side.matrix().node(to);
            return PairReasons.of(side.analyzer(), from, f, to, t, changed);
        }

        private String workloadInfo(String from, String to) {
            List<String> info = new ArrayList<>();
            for (String end : List.of(from, to)) {
                if (before.workloads().contains(end) != after.workloads().contains(end)) {
                    info.add("workload " + end + (after.workloads().contains(end) ? " added" : " removed"));
                }
            }
            return info.isEmpty() ? null : String.join(", ", info);
        }
    }
}
