package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code es-netpol diff OLD NEW} end to end: exit codes, formats, Event Streams resources rendered on each side, focus. */
class DiffCommandTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";
    private static final String CASES = "../shared/conformance/netpol-analyzer/";

    /** The production example without its external route listener (port 9094): the same resource before enabling it. */
    private static Path withoutExternalListener(Path dir) throws IOException {
        String yaml = Files.readString(Path.of(PRODUCTION));
        int start = yaml.indexOf("        - name: external\n");
        int end = yaml.indexOf("      metricsConfig:", start);
        assertTrue(start > 0 && end > start, "the example's external listener");
        Path before = dir.resolve("before.yaml");
        Files.writeString(before, yaml.substring(0, start) + yaml.substring(end));
        return before;
    }

    @Test
    void enablingAListenerAddsExactlyThatListenersFlows(@TempDir Path dir) throws IOException {
        Path before = withoutExternalListener(dir);
        CliRun r = CliRun.run("diff", "-o", "json", before.toString(), PRODUCTION);
        assertEquals(1, r.code(), r.err());
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        assertTrue(changes.size() > 0, r.out());
        for (JsonNode c : changes) {
            assertEquals("TCP 9094", c.get("added").get("text").asText(), "only the listener's port is added: " + c);
            assertEquals("No Connections", c.get("removed").get("text").asText(), "nothing removed: " + c);
            assertTrue(c.get("destination").asText().startsWith("es-prod/production-kafka-"), "only to the brokers: " + c);
            assertTrue(c.get("decidedAfter").get("ingress").get("admittingRules").toString().contains("production-kafka-netpol ingress rule"), c.toString());
        }
        // The route's router reaches it from anywhere: every outside address, to the brokers (in ranges cut where
        // the SCRAM listener's ipBlock cuts them).
        java.util.Map<String, java.util.TreeMap<java.math.BigInteger, java.math.BigInteger>> outside = new java.util.TreeMap<>();
        for (JsonNode c : changes) {
            String source = c.get("source").asText();
            if (source.endsWith("[External]")) {
                String[] ends = source.substring(0, source.indexOf('[')).split("-");
                outside.computeIfAbsent(c.get("destination").asText(), k -> new java.util.TreeMap<>())
                        .put(dev.esnetpol.kube.Cidr.ofAddress(ends[0]).first(), dev.esnetpol.kube.Cidr.ofAddress(ends[1]).first());
            }
        }
        // (The brokers' pod group is synthesized as one pod, production-kafka-0, standing for every replica.)
        assertEquals(java.util.Set.of("es-prod/production-kafka-0[Pod]"), outside.keySet(), r.out());
        for (var ranges : outside.values()) {
            java.math.BigInteger next = java.math.BigInteger.ZERO;
            for (var range : ranges.entrySet()) {
                assertEquals(next, range.getKey(), "contiguous ranges: " + ranges);
                next = range.getValue().add(java.math.BigInteger.ONE);
            }
            assertEquals(java.math.BigInteger.ONE.shiftLeft(32), next, "up to 255.255.255.255: " + ranges);
        }
        // The other way round the same flows are removed.
        CliRun back = CliRun.run("diff", "-o", "connlist-diff", PRODUCTION, before.toString());
        assertEquals(1, back.code(), back.err());
        assertTrue(back.out().startsWith("Connectivity diff:\n"), back.out());
        assertTrue(back.out().contains("source: 0.0.0.0-10.19.255.255, destination: es-prod/production-kafka-0[Pod], ref1: TCP 9094,"), back.out());
        assertTrue(back.out().lines().skip(1).allMatch(l -> l.contains("ref2: ") && !l.contains("diff-type: added")), back.out());
    }

    @Test
    void exitCodesLetCiGateOnIt(@TempDir Path dir) throws IOException {
        CliRun same = CliRun.run("diff", PRODUCTION, PRODUCTION);
        assertEquals(0, same.code(), same.err());
        assertEquals("diff: same connectivity\n", same.out());
        CliRun differ = CliRun.run("diff", CASES + "with_end_port_example/input", CASES + "with_end_port_example_new/input");
        assertEquals(1, differ.code(), differ.err());
        assertTrue(differ.out().contains("CHANGED "), differ.out());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: a\nspec:\n  podSelector: {}\n  ingres: []\n");
        CliRun error = CliRun.run("diff", PRODUCTION, bad.toString());
        assertEquals(2, error.code());
        assertEquals("", error.out());
        assertTrue(error.err().contains(bad + ":8: spec.ingres"), error.err());
        CliRun bothStdin = CliRun.runWithStdin("", "diff", "-", "-");
        assertEquals(2, bothStdin.code());
        assertTrue(bothStdin.err().contains("standard input can be only one of them"), bothStdin.err());
        CliRun format = CliRun.run("diff", "-o", "jsn", PRODUCTION, PRODUCTION);
        assertEquals(2, format.code());
        assertTrue(format.err().contains("did you mean 'json'"), format.err());
    }

    @Test
    void oneSideFromStandardInput() throws IOException {
        CliRun r = CliRun.runWithStdin(Files.readString(Path.of(PRODUCTION)), "diff", "-", PRODUCTION);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void everyFormatPrintsTheSameChanges() {
        String before = CASES + "semanticDiff-same-topologies-old1/input";
        String after = CASES + "semanticDiff-same-topologies-new1/input";
        CliRun text = CliRun.run("diff", before, after);
        assertEquals(1, text.code(), text.err());
        int changes = (int) text.out().lines().filter(l -> l.matches("^(CHANGED|ADDED|REMOVED) .*")).count();
        assertTrue(changes > 0, text.out());
        CliRun md = CliRun.run("diff", "-o", "markdown", before, after);
        assertEquals(changes, md.out().lines().filter(l -> l.startsWith("| changed") || l.startsWith("| added") || l.startsWith("| removed")).count());
        CliRun csv = CliRun.run("diff", "-o", "csv", before, after);
        assertEquals(changes + 1, csv.out().lines().count(), csv.out());
        CliRun np = CliRun.run("diff", "-o", "connlist-diff", before, after);
        assertEquals(List.of("Connectivity diff:",
                "diff-type: changed, source: demo/cog-agents-account-query[DaemonSet], destination: demo/cog-agents-bank-ui[DaemonSet], ref1: TCP 8080, ref2: All Connections",
                "diff-type: changed, source: demo/cog-agents-bank-ui[DaemonSet], destination: demo/cog-agents-account-command[DaemonSet], ref1: All Connections, ref2: TCP 8080,9090,UDP 8080"),
                np.out().lines().toList());
        assertTrue(text.out().contains("  after: ingress of demo/"), text.out());
    }

    @Test
    void aWorkloadOnOneSideOnlySaysSo() {
        CliRun r = CliRun.run("diff", "-o", "connlist-diff", CASES + "semanticDiff-orig-topologies-no-policy/input",
                CASES + "semanticDiff-different-topologies-policy-a/input");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("workloads-diff-info: workload ") && (l.endsWith(" added") || l.endsWith(" removed"))), r.out());
    }

    @Test
    void focusNarrowsTheDiff() {
        String before = CASES + "test_with_named_ports/input";
        String after = CASES + "test_with_named_ports_changed_netpol/input";
        CliRun all = CliRun.run("diff", "-o", "csv", before, after);
        CliRun conn = CliRun.run("diff", "-o", "csv", "--focus-conn", "TCP/10054", before, after);
        assertEquals(1, conn.code(), conn.err());
        // Only TCP 10054 changes here (the named port metrics resolves on kube-dns only), so the same pairs, with only it shown.
        assertEquals(all.out().lines().count(), conn.out().lines().count(), conn.out());
        assertTrue(all.out().contains("\"TCP 10053-10054,UDP 10053\"") && !conn.out().contains("10053"), conn.out());
        assertTrue(conn.out().lines().skip(1).allMatch(l -> l.contains("\"TCP 10054\"")), conn.out());
        CliRun none = CliRun.run("diff", "--focus-conn", "UDP/9", before, after);
        assertEquals(0, none.code(), "nothing changes on UDP 9: " + none.out());
        CliRun workload = CliRun.run("diff", "-o", "csv", "--focus-workload", "kube-dns-amd64-d66bf76db", "--focus-direction", "ingress", before, after);
        assertEquals(1, workload.code(), workload.err());
        assertTrue(workload.out().lines().skip(1).allMatch(l -> l.contains(",\"kube-system-dummy-to-ignore/kube-dns-amd64-d66bf76db[ReplicaSet]\",")), workload.out());
        assertFalse(workload.out().lines().skip(1).anyMatch(l -> l.startsWith("\"changed\",\"kube-system-dummy-to-ignore/kube-dns-amd64")), workload.out());
    }
}
