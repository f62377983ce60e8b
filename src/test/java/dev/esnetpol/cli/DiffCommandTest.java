package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.testing.SharedFiles;
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
    private static final String CASES = SharedFiles.resolve("conformance/netpol-analyzer") + "/";

    /**
     * The production example without its internal SCRAM listener (port 9095, open to pods labelled kafka-client and
     * to 10.20.0.0/16 except 10.20.99.0/24): the same resource before enabling it. (Not the route listener: that one
     * also makes the instance OpenShift's, which opens DNS on 5353 for every component.)
     */
    private static Path withoutScramListener(Path dir) throws IOException {
        String yaml = Files.readString(Path.of(PRODUCTION));
        int start = yaml.indexOf("        - name: scram\n");
        int end = yaml.indexOf("        - name: external\n", start);
        assertTrue(start > 0 && end > start, "the example's SCRAM listener");
        Path before = dir.resolve("before.yaml");
        Files.writeString(before, yaml.substring(0, start) + yaml.substring(end));
        return before;
    }

    @Test
    void enablingAListenerAddsExactlyThatListenersFlows(@TempDir Path dir) throws IOException {
        Path before = withoutScramListener(dir);
        CliRun r = CliRun.run("diff", "-o", "json", before.toString(), PRODUCTION);
        assertEquals(1, r.code(), r.err());
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (JsonNode c : changes) {
            assertEquals("TCP 9095", c.get("added").get("text").asText(), "only the listener's port is added: " + c);
            assertEquals("No Connections", c.get("removed").get("text").asText(), "nothing removed: " + c);
            assertEquals("es-prod/production-kafka[StrimziPodSet]", c.get("destination").asText(), "only to the brokers: " + c);
            assertTrue(c.get("decidedAfter").get("ingress").get("admittingRules").toString().contains("production-kafka-netpol ingress rule"), c.toString());
            assertTrue(c.get("decidedBefore").get("ingress").get("summary").asText().contains("no rule admits TCP 9095"), c.toString());
            sources.add(c.get("source").asText());
        }
        // Exactly the listener's peers that the inputs hold: its ipBlock without its except (no pod is a kafka-client).
        assertEquals(java.util.Set.of("10.20.0.0-10.20.98.255[External]", "10.20.100.0-10.20.255.255[External]"), sources, r.out());
        // The other way round the same flows are removed.
        CliRun back = CliRun.run("diff", "-o", "connlist-diff", PRODUCTION, before.toString());
        assertEquals(1, back.code(), back.err());
        assertTrue(back.out().startsWith("Connectivity diff:\n"), back.out());
        assertTrue(back.out().contains("source: 10.20.0.0-10.20.98.255, destination: es-prod/production-kafka[StrimziPodSet], ref1: TCP 9094-9095,"), back.out());
        assertEquals(2, back.out().lines().skip(1).filter(l -> l.startsWith("diff-type: changed") && l.contains("ref2: TCP 9094,")).count(), back.out());
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
