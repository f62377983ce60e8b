package dev.esnetpol.analyze;

import dev.esnetpol.input.YamlSources;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ConnectivityDiff} says what computing both matrices and subtracting says: on every pair of
 * conformance inputs that share a cluster (the same workloads), both ways round, under every profile, and on
 * random clusters whose policies are replaced. Pairs of workloads are compared by name; outside ranges by
 * probing both ends of every range of either matrix and of the diff.
 */
class ConnectivityDiffProperties {

    @TestFactory
    Stream<DynamicTest> conformancePairsThatShareACluster() throws IOException {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        for (Path c : ConformanceCases.all()) {
            clusters.put(c.getFileName().toString(),
                    ClusterLoader.load(YamlSources.read(List.of(c.resolve("input").toString()), System.in, true)).cluster());
        }
        Map<String, Set<String>> workloads = new HashMap<>();
        clusters.forEach((name, cluster) -> workloads.put(name, new TreeSet<>(Matrix.of(Analyzer.of(cluster)).workloads())));
        List<String[]> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>(clusters.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (workloads.get(names.get(i)).equals(workloads.get(names.get(j)))) {
                    pairs.add(new String[]{names.get(i), names.get(j)});
                }
            }
        }
        assertTrue(pairs.size() >= 10, "conformance pairs that share a cluster: " + pairs.size());
        // A case takes part in many pairs (the kubernetes-e2e cases all share one cluster): its analysis and its
        // matrix's facts are computed once per profile, not once per pair, so the cost grows with the pairs' diffs.
        Map<String, Analyzer> analyzers = new HashMap<>();
        Map<Analyzer, Facts> facts = new IdentityHashMap<>();
        return pairs.stream().map(p -> DynamicTest.dynamicTest(p[0] + " -> " + p[1], () -> {
            for (Profile profile : List.of(Profile.REFERENCE, Profile.NP_GUARD)) { // the two readings of the conformance inputs; every profile is in the property below
                Analyzer a = analyzers.computeIfAbsent(p[0] + " " + profile, k -> Analyzer.of(clusters.get(p[0]), profile));
                Analyzer b = analyzers.computeIfAbsent(p[1] + " " + profile, k -> Analyzer.of(clusters.get(p[1]), profile));
                Facts fa = facts.computeIfAbsent(a, x -> Facts.of(Matrix.of(x)));
                Facts fb = facts.computeIfAbsent(b, x -> Facts.of(Matrix.of(x)));
                assertEquals(List.of(), differences(fa, fb, ConnectivityDiff.of(a, b, Focus.NONE)), profile + " " + p[0] + " -> " + p[1]);
                assertEquals(List.of(), differences(fb, fa, ConnectivityDiff.of(b, a, Focus.NONE)), profile + " " + p[1] + " -> " + p[0]);
            }
        }));
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return RandomClusters.clusters();
    }

    @Provide
    Arbitrary<List<NetworkPolicy>> policyLists() {
        return Arbitraries.integers().between(0, 4).flatMap(n -> n == 0 ? Arbitraries.just(List.<NetworkPolicy>of())
                : Combinators.combine(IntStream.range(0, n).mapToObj(RandomClusters::policies).toList()).as(l -> l));
    }

    /** The same pods under other policies: the diff is the subtraction of the two matrices, and nothing when nothing changes. */
    @Property(tries = 150)
    void diffIsTheSubtractionOfTheMatrices(@ForAll("clusters") Cluster cluster, @ForAll("policyLists") List<NetworkPolicy> others,
                                           @ForAll Profile profile) {
        Analyzer a = Analyzer.of(cluster, profile);
        Analyzer b = Analyzer.of(cluster.withPolicies(others), profile);
        assertEquals(List.of(), differences(a, b, ConnectivityDiff.of(a, b, Focus.NONE)));
        assertTrue(ConnectivityDiff.of(a, a, Focus.NONE).isEmpty(), "a cluster against itself");
    }

    /** What the diff says that both matrices, subtracted, do not: empty when it is right. */
    static List<String> differences(Analyzer before, Analyzer after, ConnectivityDiff diff) {
        return differences(Facts.of(Matrix.of(before)), Facts.of(Matrix.of(after)), diff);
    }

    private static List<String> differences(Facts a, Facts b, ConnectivityDiff diff) {
        List<String> out = new ArrayList<>();
        Map<String, ConnectivityDiff.Change> pairChanges = new HashMap<>();
        Map<String, List<ConnectivityDiff.Change>> rangeChanges = new HashMap<>();
        for (ConnectivityDiff.Change c : diff.changes()) {
            Connections x = c.before();
            Connections y = c.after();
            ConnectivityDiff.Kind kind = x.isEmpty() ? ConnectivityDiff.Kind.ADDED : y.isEmpty() ? ConnectivityDiff.Kind.REMOVED : ConnectivityDiff.Kind.CHANGED;
            if (c.kind() != kind || x.equals(y)) {
                out.add("wrong kind or no change: " + c);
            }
            if (c.from().endsWith("[External]")) {
                rangeChanges.computeIfAbsent("in " + c.to(), k -> new ArrayList<>()).add(c);
            } else if (c.to().endsWith("[External]")) {
                rangeChanges.computeIfAbsent("out " + c.from(), k -> new ArrayList<>()).add(c);
            } else {
                pairChanges.put(c.from() + " => " + c.to(), c);
            }
        }
        Set<String> pairs = new TreeSet<>(a.pairs.keySet());
        pairs.addAll(b.pairs.keySet());
        pairs.addAll(pairChanges.keySet());
        for (String key : pairs) {
            Connections x = a.pairs.getOrDefault(key, Connections.NONE);
            Connections y = b.pairs.getOrDefault(key, Connections.NONE);
            ConnectivityDiff.Change c = pairChanges.get(key);
            if (x.equals(y) ? c != null : c == null || !c.before().equals(x) || !c.after().equals(y)) {
                out.add(key + ": matrices " + x + " -> " + y + ", diff " + c);
            }
        }
        Set<String> keys = new TreeSet<>(a.ranges.keySet());
        keys.addAll(b.ranges.keySet());
        keys.addAll(rangeChanges.keySet());
        for (String key : keys) {
            List<ConnectivityDiff.Change> changes = rangeChanges.getOrDefault(key, List.of());
            TreeSet<String> probes = new TreeSet<>();
            for (Facts f : List.of(a, b)) {
                f.ranges.getOrDefault(key, List.of()).forEach(r -> probes.addAll(List.of(r.first() + "/" + r.ipv6(), r.last() + "/" + r.ipv6())));
            }
            for (ConnectivityDiff.Change c : changes) {
                ExternalRanges.Range r = range(key.startsWith("in ") ? c.from() : c.to());
                probes.addAll(List.of(r.first() + "/" + r.ipv6(), r.last() + "/" + r.ipv6()));
            }
            for (String probe : probes) {
                BigInteger address = new BigInteger(probe.substring(0, probe.indexOf('/')));
                boolean ipv6 = probe.endsWith("/true");
                Connections x = a.at(key, address, ipv6);
                Connections y = b.at(key, address, ipv6);
                List<ConnectivityDiff.Change> covering = changes.stream().filter(c -> {
                    ExternalRanges.Range r = range(key.startsWith("in ") ? c.from() : c.to());
                    return r.ipv6() == ipv6 && r.first().compareTo(address) <= 0 && r.last().compareTo(address) >= 0;
                }).toList();
                boolean right = x.equals(y) ? covering.isEmpty()
                        : covering.size() == 1 && covering.get(0).before().equals(x) && covering.get(0).after().equals(y);
                if (!right) {
                    out.add(key + " at " + probe + ": matrices " + x + " -> " + y + ", diff " + covering);
                }
            }
        }
        return out;
    }

    static ExternalRanges.Range range(String name) {
        String text = name.substring(0, name.indexOf('['));
        String[] ends = text.split("-");
        dev.esnetpol.kube.Cidr first = dev.esnetpol.kube.Cidr.ofAddress(ends[0]);
        return new ExternalRanges.Range(first.first(), dev.esnetpol.kube.Cidr.ofAddress(ends[1]).first(), first.ipv6());
    }

    /** One matrix's facts: connections per pair of workloads, and per workload and direction its outside ranges. */
    private record Facts(Map<String, Connections> pairs, Map<String, List<ExternalRanges.Range>> ranges, Map<ExternalRanges.Range, Map<String, Connections>> byRange) {

        static Facts of(Matrix m) {
            Facts f = new Facts(new HashMap<>(), new HashMap<>(), new HashMap<>());
            m.forEach(e -> {
                if (e.fromExternal() || e.toExternal()) {
                    String key = e.fromExternal() ? "in " + e.to() : "out " + e.from();
                    ExternalRanges.Range r = m.range(e.fromExternal() ? e.from() : e.to());
                    f.ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    f.byRange.computeIfAbsent(r, k -> new HashMap<>()).put(key, e.connections());
                } else {
                    f.pairs.put(e.from() + " => " + e.to(), e.connections());
                }
            });
            return f;
        }

        Connections at(String key, BigInteger address, boolean ipv6) {
            for (ExternalRanges.Range r : ranges.getOrDefault(key, List.of())) {
                if (r.ipv6() == ipv6 && r.first().compareTo(address) <= 0 && r.last().compareTo(address) >= 0) {
                    return byRange.get(r).get(key);
                }
            }
            return Connections.NONE;
        }
    }
}
