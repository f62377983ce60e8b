package dev.esnetpol.analyze;

import dev.esnetpol.input.YamlSources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of {@code ../shared/conformance/netpol-analyzer}, under {@link Profile#NP_GUARD}: the engine's connectivity, grouped by
 * workload as np-guard groups it, equals the expected connlist fact by fact (meaning, not text). External
 * ranges are compared by probing both ends of every range, theirs and ours.
 */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases = ConformanceCases.all();
        assertEquals(40, cases.size(), "conformance cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseDir) throws IOException {
        List<String> mismatches = differences(caseDir);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " differences, first ones:\n" + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));
        }
    }

    /** Every fact of the case's expected connlist the engine, under np-guard's profile, states otherwise. */
    static List<String> differences(Path caseDir) throws IOException {
        ConnlistFacts expected = ConnlistFacts.parse(Files.readAllLines(caseDir.resolve("expected-connlist.txt")));
        Cluster cluster = ClusterLoader.load(YamlSources.read(List.of(caseDir.resolve("input").toString()), System.in, true)).cluster();
        Analyzer analyzer = Analyzer.of(cluster, Profile.NP_GUARD);
        Map<String, Pod> peers = new LinkedHashMap<>();
        for (Pod p : analyzer.endpoints()) {
            peers.putIfAbsent(p.namespace() + "/" + p.owner(), p);
        }
        List<String> mismatches = new ArrayList<>();
        for (String key : expected.podToPod.keySet()) {
            String[] ends = key.split(" => ");
            if (!peers.containsKey(ends[0]) || !peers.containsKey(ends[1])) {
                mismatches.add("expected peer not found in input: " + key + " (peers: " + peers.keySet() + ")");
            }
        }
        for (var s : peers.entrySet()) {
            for (var d : peers.entrySet()) {
                if (s.getKey().equals(d.getKey())) {
                    continue;
                }
                Connections ours = analyzer.allowed(Node.of(s.getValue()), Node.of(d.getValue()));
                Connections theirs = expected.podToPod.getOrDefault(s.getKey() + " => " + d.getKey(), Connections.NONE);
                if (!ours.equals(theirs)) {
                    mismatches.add(s.getKey() + " => " + d.getKey() + ": ours " + ours + ", expected " + theirs);
                }
            }
        }
        // External: probe both ends of each expected range, then both ends of each of our ranges.
        for (ConnlistFacts.ExternalFact f : expected.external) {
            Pod pod = peers.get(f.peer());
            if (pod == null) {
                mismatches.add("expected peer not found in input: " + f.peer());
                continue;
            }
            for (BigInteger probe : List.of(f.first(), f.last())) {
                Connections ours = external(analyzer, pod, probe, f.outbound());
                if (!ours.equals(f.connections())) {
                    mismatches.add(f.peer() + (f.outbound() ? " => " : " <= ") + dev.esnetpol.kube.Cidr.format(probe, false)
                            + ": ours " + ours + ", expected " + f.connections());
                }
            }
        }
        Map<String, List<ConnlistFacts.ExternalFact>> byPeer = new java.util.HashMap<>();
        expected.external.forEach(f -> byPeer.computeIfAbsent(f.peer() + f.outbound(), k -> new ArrayList<>()).add(f));
        List<dev.esnetpol.kube.Cidr> cuts = new ArrayList<>();
        for (int c = 0; c < analyzer.classes().size(); c++) {
            cuts.addAll(analyzer.tiers.addresses(c, false));
        }
        List<ExternalRanges.Range> ranges = new ArrayList<>(ExternalRanges.ipv4(cluster.policies()).ranges());
        ExternalRanges.cut(cuts, false).ranges().forEach(ranges::add);
        for (ExternalRanges.Range r : ranges) {
            for (var p : peers.entrySet()) {
                for (boolean outbound : List.of(true, false)) {
                    for (BigInteger probe : List.of(r.first(), r.last())) {
                        Connections ours = external(analyzer, p.getValue(), probe, outbound);
                        Connections theirs = byPeer.getOrDefault(p.getKey() + outbound, List.of()).stream()
                                .filter(f -> f.first().compareTo(probe) <= 0 && f.last().compareTo(probe) >= 0)
                                .map(ConnlistFacts.ExternalFact::connections).findFirst().orElse(Connections.NONE);
                        if (!ours.equals(theirs)) {
                            mismatches.add(p.getKey() + (outbound ? " => " : " <= ") + dev.esnetpol.kube.Cidr.format(probe, false)
                                    + ": ours " + ours + ", expected " + theirs);
                        }
                    }
                }
            }
        }
        return mismatches;
    }

    /** The address taken as outside the cluster (np-guard's ranges include pod addresses, read as external). */
    private static Connections external(Analyzer analyzer, Pod pod, BigInteger address, boolean outbound) {
        Node.ExternalNode a = new Node.ExternalNode(address, false);
        int c = analyzer.classOf(pod).id();
        return outbound ? analyzer.egressToAddress(c, a) : analyzer.ingressFromAddress(c, a);
    }
}
