package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** matrix and explain on a live cluster (fabric8's mock API server, {@link LiveApiServer}), as on the same objects in files. */
class LiveInputTest {

    private static final String[] FILES = LiveApiServer.ES_PROD.stream().map(Path::toString).toArray(String[]::new);

    private static LiveApiServer prod() {
        return LiveApiServer.esProd();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void matrixLiveGivesWhatTheSameObjectsInFilesGiveAndReadsOnlyTheKindsItUses(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", "es-prod");
            api.paths.clear();
            CliRun live = CliRun.run("matrix", "--live", "--kubeconfig", kc.toString(), "-o", "connlist");
            assertEquals(0, live.code(), live.err());
            CliRun files = CliRun.run(concat(new String[]{"matrix", "--no-render", "-o", "connlist"}, FILES));
            assertEquals(files.out(), live.out());
            assertTrue(live.out().contains("es-prod/production-kafka"), live.out());
            assertTrue(live.err().contains("note: the cluster serves no cluster-scoped policy kind (policy.networking.k8s.io"), live.err());
            List<String> other = api.requestsBeyond(LiveApiServer.analysisReads("es-prod"));
            assertEquals(List.of(), other, "only the kinds the analysis uses, and discovery of the policy and OpenShift groups");
        }
    }

    @Test
    void allNamespacesReadsEveryNamespaceAndMinusNOne(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Files.writeString(dir.resolve("pay.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: ledger, namespace: payments, labels: {app: ledger}}\n"
                    + "spec: {containers: [{name: main, image: x}]}\n");
            api.create(dir.resolve("pay.yaml"));
            Path kc = api.kubeconfig(dir, "lab", null);
            CliRun all = CliRun.run("matrix", "--live", "-A", "--kubeconfig", kc.toString(), "-o", "connlist");
            assertEquals(0, all.code(), all.err());
            assertTrue(all.out().contains("payments/ledger[Pod]") && all.out().contains("es-prod/production-kafka"), all.out());
            CliRun one = CliRun.run("matrix", "--live", "-n", "payments", "--kubeconfig", kc.toString(), "-o", "connlist");
            assertTrue(one.out().contains("payments/ledger[Pod]") && !one.out().contains("es-prod/"), one.out());
        }
    }

    @Test
    void explainLiveAnswersAsFromFiles(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", "es-prod");
            String[] question = {"--from", "production-kafka-0", "--to", "production-zookeeper-0", "--port", "2181"};
            CliRun live = CliRun.run(concat(new String[]{"explain", "--live", "--kubeconfig", kc.toString()}, question));
            CliRun files = CliRun.run(concat(concat(new String[]{"explain", "--no-render"}, question), concat(new String[]{"-f"}, FILES[0], "-f", FILES[1], "-f", FILES[2])));
            assertEquals(files.code(), live.code(), live.err());
            assertEquals(files.out(), live.out());
            assertTrue(live.out().startsWith("ALLOWED") || live.out().startsWith("DENIED"), live.out());
        }
    }

    @Test
    void aServedClusterScopedKindIsNamedAndAContextChosen(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            api.serve("policy.networking.k8s.io", "v1alpha1", "adminnetworkpolicies", "baselineadminnetworkpolicies");
            Path kc = api.kubeconfig(dir, "lab", null);
            CliRun r = CliRun.run("matrix", "--live", "--kubeconfig", kc.toString(), "--context", "lab", "-n", "es-prod");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("note: the cluster serves policy.networking.k8s.io/v1alpha1 adminnetworkpolicies, "
                    + "policy.networking.k8s.io/v1alpha1 baselineadminnetworkpolicies: read with the NetworkPolicies"), r.err());
            CliRun gone = CliRun.run("matrix", "--live", "--kubeconfig", kc.toString(), "--context", "nope");
            assertEquals(ExitCodes.ERROR, gone.code());
            assertEquals("error: kubeconfig " + kc + ": context 'nope' is not defined in it", gone.err().strip());
        }
    }

    @Test
    void anUnreachableClusterIsOneLine(@TempDir Path dir) throws IOException {
        Path kc = LiveApiServer.unreachableKubeconfig(dir, "kafka");
        CliRun r = CliRun.run("matrix", "--live", "--kubeconfig", kc.toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertEquals("error: cannot read namespace 'kafka' from https://127.0.0.1:1 (context 'lab' of " + kc + "): connection refused", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void liveAndFilesOrLiveOptionsAloneAreUsageErrors(@TempDir Path dir) {
        CliRun both = CliRun.run(concat(new String[]{"matrix", "--live"}, FILES));
        assertEquals(ExitCodes.ERROR, both.code());
        assertTrue(both.err().contains("--live reads the cluster: give no files"), both.err());
        CliRun alone = CliRun.run(concat(new String[]{"matrix", "-A"}, FILES));
        assertEquals(ExitCodes.ERROR, alone.code());
        assertTrue(alone.err().contains("-A/--all-namespaces reads a cluster: give --live too"), alone.err());
        assertFalse(alone.err().contains("at dev."), alone.err());
    }
}
