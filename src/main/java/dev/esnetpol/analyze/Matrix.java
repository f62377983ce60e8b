package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connectivity between workloads (pods grouped by their owner: Deployment, StatefulSet, ..., or the pod
 * itself) and between workloads and the ranges of external addresses the policies distinguish. Computed on
 * pod classes: a workload's connectivity is that of its first pod's class.
 */
public record Matrix(List<String> workloads, List<String> externalRanges, List<Entry> entries) {

    /** An allowed connection set between two distinct peers; {@code external} marks an address range. */
    public record Entry(String from, String to, Connections connections, boolean fromExternal, boolean toExternal) {
    }

    public static Matrix of(Analyzer analyzer) {
        Map<String, Pod> peers = new LinkedHashMap<>();
        for (Pod p : analyzer.cluster().pods()) {
            peers.putIfAbsent(workloadName(p), p);
        }
        List<String> names = new ArrayList<>(peers.keySet());
        names.sort(Comparator.naturalOrder());
        List<Entry> entries = new ArrayList<>();
        Connections[][] classes = analyzer.classMatrix();
        for (String s : names) {
            int sc = analyzer.classOf(peers.get(s)).id();
            for (String d : names) {
                if (s.equals(d)) {
                    continue;
                }
                Connections c = classes[sc][analyzer.classOf(peers.get(d)).id()];
                if (c != null) {
                    entries.add(new Entry(s, d, c, false, false));
                }
            }
        }
        List<ExternalRanges.Range> ranges = new ArrayList<>(ExternalRanges.ipv4(analyzer.cluster().policies()).ranges());
        if (ExternalRanges.anyIpv6(analyzer.cluster().policies())) {
            ranges.addAll(ExternalRanges.ipv6(analyzer.cluster().policies()).ranges());
        }
        List<String> rangeNames = new ArrayList<>();
        for (ExternalRanges.Range r : ranges) {
            String name = r.text() + "[External]";
            rangeNames.add(name);
            Node.ExternalNode probe = new Node.ExternalNode(r.first(), r.ipv6());
            for (String w : names) {
                Pod pod = peers.get(w);
                Connections in = analyzer.allowed(probe, Node.of(pod));
                if (!in.isEmpty()) {
                    entries.add(new Entry(name, w, in, true, false));
                }
                Connections out = analyzer.allowed(Node.of(pod), probe);
                if (!out.isEmpty()) {
                    entries.add(new Entry(w, name, out, false, true));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::from).thenComparing(Entry::to));
        return new Matrix(names, rangeNames, entries);
    }

    /** {@code namespace/owner[Kind]}, np-guard's name for a workload. */
    public static String workloadName(Pod p) {
        return p.namespace() + "/" + p.owner();
    }
}
