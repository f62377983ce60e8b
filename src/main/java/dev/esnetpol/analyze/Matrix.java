package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Connectivity between workloads (endpoints grouped by their owner: Deployment, StatefulSet, ..., or the pod
 * itself) and between workloads and ranges of external addresses. Computed on pod classes: a workload's
 * connectivity is that of its first endpoint's class. Nothing per pair is kept: the class matrix is an int
 * per class pair ({@link ClassMatrix}) and entries are produced in order, one at a time
 * ({@link #forEach(Consumer)}), so a printer can stream them.
 *
 * <p>External ranges are per pair: for each workload and direction, the address space is cut only at the
 * edges of the ipBlocks of the rules that apply to it, and adjacent ranges with the same connections are one
 * entry (the coarsest split that keeps that pair exact); a range nothing passes to or from is not listed.
 */
public final class Matrix {

    /** An allowed connection set between two distinct peers; {@code external} marks an address range. */
    public record Entry(String from, String to, Connections connections, String connectionsText, boolean fromExternal, boolean toExternal) {
    }

    /** A merged range of outside addresses and what passes between it and one class. */
    private record RangeFact(String name, int connections, ExternalRanges.Range range) {
    }

    private final List<String> workloads;
    private final int[] workloadClass;
    private final ClassMatrix classMatrix;
    /** Per class: the merged outside ranges it may open connections to, and those it accepts from; in address order. */
    private final Map<Integer, List<RangeFact>> outbound = new LinkedHashMap<>();
    private final Map<Integer, List<RangeFact>> inbound = new LinkedHashMap<>();
    private final List<String> rangeNames;
    /** Each workload's first endpoint: the pod that stands for it in explanations. */
    private final Map<String, Pod> representatives;
    /** Each merged range by its name. */
    private final Map<String, ExternalRanges.Range> ranges = new HashMap<>();
    /** Whether pairs and ranges with no connection are listed too (an explanation of every pair). */
    private final boolean everyPair;
    /** The ingress controller's entries ({@link #withIngressController}), printed after the others; empty without exposures. */
    private List<Entry> ingressController = List.of();

    /** np-guard netpol-analyzer's name for the router or ingress controller of Routes and Ingresses. */
    public static final String INGRESS_CONTROLLER = "{ingress-controller}";

    private Matrix(Analyzer analyzer, boolean everyPair) {
        this.everyPair = everyPair;
        Map<String, Pod> peers = new TreeMap<>();
        for (Pod p : analyzer.endpoints()) {
            peers.putIfAbsent(workloadName(p), p);
        }
        this.workloads = List.copyOf(peers.keySet());
        this.representatives = peers;
        this.workloadClass = new int[workloads.size()];
        for (int i = 0; i < workloads.size(); i++) {
            workloadClass[i] = analyzer.classOf(peers.get(workloads.get(i))).id;
        }
        this.classMatrix = new ClassMatrix(analyzer);
        classMatrix.ids();
        boolean ipv6 = ExternalRanges.anyIpv6(analyzer.cluster().policies()) || analyzer.tiers.anyIpv6();
        ConnectionsTable table = classMatrix.table();
        Map<String, String> names = new HashMap<>();
        for (int c : workloadClass) {
            if (!outbound.containsKey(c)) {
                CompiledPolicies compiled = analyzer.compiled;
                inbound.put(c, side(analyzer, c, compiled.ingressRules.get(c), analyzer.isolatedForIngress(c) || analyzer.tiers.applies(c, true),
                        true, ipv6, table, names));
                outbound.put(c, side(analyzer, c, compiled.egressRules.get(c), analyzer.isolatedForEgress(c) || analyzer.tiers.applies(c, false),
                        false, ipv6, table, names));
                inbound.get(c).forEach(f -> ranges.put(f.name(), f.range()));
                outbound.get(c).forEach(f -> ranges.put(f.name(), f.range()));
            }
        }
        this.rangeNames = names.values().stream().sorted().toList();
    }

    /**
     * What class {@code c} accepts from (lets out to) the outside, per range: the address space cut only at
     * the edges of the ipBlocks of its own rules (so each range is one answer for this class), probed once per
     * range, adjacent equal answers merged.
     */
    private List<RangeFact> side(Analyzer analyzer, int c, List<CompiledRule> rules, boolean isolated, boolean ingress, boolean ipv6,
                                        ConnectionsTable table, Map<String, String> names) {
        List<Cidr> blocks = new ArrayList<>();
        if (isolated) {
            for (CompiledRule r : rules) {
                for (IpBlockMatcher b : r.ipBlocks()) {
                    blocks.add(b.cidr());
                    blocks.addAll(b.except());
                }
            }
            blocks.addAll(analyzer.tiers.addresses(c, ingress));
        }
        List<ExternalRanges.Range> ranges = new ArrayList<>(ExternalRanges.cut(blocks, false).ranges());
        if (ipv6) {
            ranges.addAll(ExternalRanges.cut(blocks, true).ranges());
        }
        int[] connections = new int[ranges.size()];
        for (int r = 0; r < ranges.size(); r++) {
            Node.ExternalNode probe = new Node.ExternalNode(ranges.get(r).first(), ranges.get(r).ipv6());
            connections[r] = !isolated ? ConnectionsTable.ALL
                    : table.id(ingress ? analyzer.ingressFromAddress(c, probe) : analyzer.egressToAddress(c, probe));
        }
        return merge(ranges, connections, names);
    }

    public static Matrix of(Analyzer analyzer) {
        return new Matrix(analyzer, false);
    }

    /**
     * Every pair, those with no connection too (as {@link Connections#NONE} entries), and every range of each
     * workload's cut: what an explanation of every pair (allowed and denied) walks.
     */
    public static Matrix everyPair(Analyzer analyzer) {
        return new Matrix(analyzer, true);
    }

    /**
     * The node that stands for a name of this matrix: a workload's first endpoint, or a range's first address
     * (every address of a merged range is treated alike by the rules of the workloads it is listed with).
     *
     * @throws IllegalArgumentException for a name that is neither
     */
    public Node node(String name) {
        Pod p = representatives.get(name);
        if (p != null) {
            return Node.of(p);
        }
        ExternalRanges.Range r = ranges.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no workload or range '" + name + "' in the matrix");
        }
        return new Node.ExternalNode(r.first(), r.ipv6());
    }

    /** The addresses a range name of this matrix stands for, or null for a workload's name. */
    public ExternalRanges.Range range(String name) {
        return ranges.get(name);
    }

    /**
     * This matrix with the ingress controller as a peer, as netpol-analyzer shows it ({@code {ingress-controller} =>
     * ns/workload[Kind] : TCP 8080}): per workload, the ports of {@code targets} its policies (and the controller's)
     * let {@code controller} reach; a workload behind a Route or Ingress that refuses the controller has no entry.
     *
     * @param controller a pod standing for the router or ingress controller (analysed as any pod of {@code analyzer})
     * @param targets    the pods and ports the exposures lead to ({@link Exposures#targets})
     */
    public Matrix withIngressController(Analyzer analyzer, Pod controller, List<Exposures.Target> targets) {
        Map<String, Connections> byWorkload = new TreeMap<>();
        for (Exposures.Target t : targets) {
            Connections allowed = analyzer.allowed(Node.of(controller), Node.of(t.pod())).intersect(t.connections());
            byWorkload.merge(workloadName(t.pod()), allowed, Connections::union);
        }
        List<Entry> entries = new ArrayList<>();
        byWorkload.forEach((to, c) -> {
            if (!c.isEmpty()) {
                entries.add(new Entry(INGRESS_CONTROLLER, to, c, c.toString(), false, false));
            }
        });
        this.ingressController = List.copyOf(entries);
        return this;
    }

    /** Adjacent ranges (same family) with the same connections as one, nothing-allowed ranges left out. */
    private List<RangeFact> merge(List<ExternalRanges.Range> ranges, int[] connections, Map<String, String> names) {
        List<RangeFact> out = new ArrayList<>();
        int start = 0;
        for (int r = 1; r <= ranges.size(); r++) {
            boolean boundary = r == ranges.size() || connections[r] != connections[start] || ranges.get(r).ipv6() != ranges.get(start).ipv6();
            if (boundary) {
                if (connections[start] != ConnectionsTable.NONE || everyPair) {
                    ExternalRanges.Range first = ranges.get(start);
                    ExternalRanges.Range last = ranges.get(r - 1);
                    ExternalRanges.Range whole = new ExternalRanges.Range(first.first(), last.last(), first.ipv6());
                    String name = names.computeIfAbsent(whole.text() + "[External]", t -> t); // one string per distinct range
                    out.add(new RangeFact(name, connections[start], whole));
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
        ingressController.forEach(action); // '{' sorts after every name, as in netpol-analyzer's output
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
            if (d != w && (c != ConnectionsTable.NONE || everyPair)) {
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

    /**
     * The entries in {@code focus}, in the same order, each with only its connections in focus; an entry with none
     * left is left out.
     */
    public void forEach(Focus focus, Consumer<Entry> action) {
        if (focus.isEverything()) {
            forEach(action);
            return;
        }
        forEach(e -> {
            if (focus.includes(e.from(), e.to())) {
                Connections c = focus.restrict(e.connections());
                if (!c.isEmpty()) {
                    action.accept(c == e.connections() ? e : new Entry(e.from(), e.to(), c, c.toString(), e.fromExternal(), e.toExternal()));
                }
            }
        });
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
