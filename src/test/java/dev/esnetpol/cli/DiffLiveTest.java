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

/**
 * {@code diff} with a live side (fabric8's mock API server, {@link LiveApiServer}): the running namespace against
 * a folder of proposed changes applied to it (the GitOps question), a snapshot against the cluster, exit codes
 * 0/1/2 and the one-line errors of {@code matrix --live}.
 */
class DiffLiveTest {

    private static final Path PROD = Path.of("examples/es-prod-namespace");
    private static final Path RESOURCE = PROD.resolve("resources.yaml");

    /** The es-prod namespace as running: its namespaces, pods and the policies es-netpol rendered for its resource. */
    private static LiveApiServer prod() {
        return LiveApiServer.esProd();
    }

    /** The production resource with one more internal listener (plain, port 9096, no peers: open to all). */
    private static Path withListener(Path dir) throws IOException {
        String yaml = Files.readString(RESOURCE);
        String added = yaml.replace("        - name: external\n", "        - name: plain\n          port: 9096\n          type: internal\n"
                + "          tls: false\n        - name: external\n");
        assertFalse(added.equals(yaml), "the fixture's listeners moved");
        Path pr = Files.createDirectories(dir.resolve("pr"));
        Files.writeString(pr.resolve("eventstreams.yaml"), added);
        return pr;
    }

    @Test
    void applyingAFolderThatChangesNothingIsExitZeroAndReadsOnlyTheAnalysisKinds(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", "es-prod");
            api.paths.clear();
            CliRun r = CliRun.run("diff", "live:", RESOURCE.toString(), "--kubeconfig", kc.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            assertEquals("diff: same connectivity\n", r.out());
            List<String> other = api.requestsBeyond(LiveApiServer.analysisReads("es-prod"));
            assertEquals(List.of(), other, "the kinds matrix --live reads");
            assertEquals(1, api.paths.stream().filter(p -> p.startsWith("GET /api/v1/namespaces/es-prod/pods")).count(),
                    "the cluster is read once: NEW is the same read with the files applied");
        }
    }

    @Test
    void enablingAListenerInThePullRequestShowsExactlyItsFlowsAgainstTheRunningPods(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", null);
            Path pr = withListener(dir);
            CliRun r = CliRun.run("diff", "live:es-prod", pr.toString(), "--kubeconfig", kc.toString(), "-o", "connlist-diff");
            assertEquals(1, r.code(), r.out() + r.err());
            List<String> lines = r.out().lines().filter(l -> l.startsWith("diff-type")).toList();
            assertFalse(lines.isEmpty(), r.out());
            for (String l : lines) {
                // Into the brokers (running pods, named as the cluster names them), and only 9096 more.
                assertTrue(l.contains("destination: es-prod/production-kafka[StatefulSet]"), l);
                assertTrue(l.contains("9096"), l);
            }
            // The same question from a file snapshot of the namespace: the same answer (the live read is the snapshot).
            Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
            for (Path f : LiveApiServer.ES_PROD) {
                Files.copy(f, snapshot.resolve(f.getFileName()));
            }
            Files.copy(pr.resolve("eventstreams.yaml"), snapshot.resolve("resources.yaml"));
            CliRun files = CliRun.run("diff", PROD.toString(), snapshot.toString(), "-o", "connlist-diff");
            assertEquals(1, files.code(), files.err());
            assertEquals(files.out(), r.out());
        }
    }

    @Test
    void aSnapshotAgainstTheClusterShowsWhatChangedSinceAndIsZeroWhenNothingDid(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", "es-prod");
            Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
            for (Path f : LiveApiServer.ES_PROD) {
                Files.copy(f, snapshot.resolve(f.getFileName()));
            }
            CliRun same = CliRun.run("diff", snapshot.toString(), "live:", "--kubeconfig", kc.toString());
            assertEquals(0, same.code(), same.out() + same.err());
            // Someone deletes the brokers' policy on the cluster: their ingress is open to everything since.
            api.client.network().v1().networkPolicies().inNamespace("es-prod").withName("production-kafka-netpol").delete();
            CliRun changed = CliRun.run("diff", snapshot.toString(), "live:", "--kubeconfig", kc.toString(), "-o", "json");
            assertEquals(1, changed.code(), changed.err());
            assertTrue(changed.out().contains("production-kafka"), changed.out());
        }
    }

    @Test
    void badFilesAreExitTwoWithNothingPrinted(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = prod()) {
            Path kc = api.kubeconfig(dir, "lab", "es-prod");
            Path bad = dir.resolve("bad.yaml");
            Files.writeString(bad, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x, namespace: es-prod}\n"
                    + "spec:\n  podSelector: {}\n  ingres: []\n");
            CliRun r = CliRun.run("diff", "live:", bad.toString(), "--kubeconfig", kc.toString());
            assertEquals(ExitCodes.ERROR, r.code());
            assertEquals("", r.out());
            assertTrue(r.err().contains("error: " + bad + ":6: spec.ingres"), r.err());
            // An object of another namespace than the one read live would be compared with nothing: refused.
            Path other = dir.resolve("other.yaml");
            Files.writeString(other, "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: payments}\nspec: {containers: [{name: m, image: x}]}\n");
            CliRun ns = CliRun.run("diff", "live:", other.toString(), "--kubeconfig", kc.toString());
            assertEquals(ExitCodes.ERROR, ns.code(), ns.err());
            // Said of the live side the user named, not of an -n nobody gave.
            assertTrue(ns.err().contains(other + ":3: metadata.namespace: the object is in namespace 'payments', not 'es-prod', the namespace the "
                    + "live side reads (live:, the namespace of context 'lab'); compare it with live:payments, or leave its metadata.namespace out"),
                    ns.err());
            assertFalse(ns.err().contains("as -n says"), ns.err());
            CliRun named = CliRun.run("diff", "live:es-prod", other.toString(), "--kubeconfig", kc.toString());
            assertTrue(named.err().contains("the namespace the live side reads (live:es-prod)"), named.err());
            // -A reads every namespace: nothing is refused, and an object without a namespace goes to the context's.
            CliRun all = CliRun.run("diff", "live:", other.toString(), "-A", "--kubeconfig", kc.toString());
            assertFalse(all.err().contains("metadata.namespace"), all.err());
        }
    }

    @Test
    void anUnreachableClusterIsOneLineAndLiveOptionsNeedALiveSide(@TempDir Path dir) throws IOException {
        Path kc = dir.resolve("config");
        Files.writeString(kc, "apiVersion: v1\nkind: Config\ncurrent-context: lab\nclusters:\n- name: c\n  cluster: {server: 'https://127.0.0.1:1'}\n"
                + "contexts:\n- name: lab\n  context: {cluster: c, user: u, namespace: kafka}\nusers:\n- name: u\n  user: {token: t}\n");
        CliRun r = CliRun.run("diff", "live:", RESOURCE.toString(), "--kubeconfig", kc.toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertEquals("error: cannot read namespace 'kafka' from https://127.0.0.1:1 (context 'lab' of " + kc + "): connection refused", r.err().strip());
        assertEquals("", r.out());
        CliRun noLive = CliRun.run("diff", RESOURCE.toString(), RESOURCE.toString(), "--context", "lab");
        assertEquals(ExitCodes.ERROR, noLive.code());
        assertTrue(noLive.err().contains("--context reads a cluster: give live: as OLD or NEW"), noLive.err());
        CliRun both = CliRun.run("diff", "live:kafka", RESOURCE.toString(), "-A", "--kubeconfig", kc.toString());
        assertEquals(ExitCodes.ERROR, both.code());
        assertTrue(both.err().contains("live:kafka and -A/--all-namespaces: give one"), both.err());
        // diff has no -f: without a kubeconfig it says what diff reads instead, not what matrix or review would.
        CliRun noKubeconfig = CliRun.run("diff", "live:", RESOURCE.toString(), "--kubeconfig", dir.resolve("none").toString());
        assertEquals(ExitCodes.ERROR, noKubeconfig.code());
        assertEquals("error: no kubeconfig (looked at " + dir.resolve("none") + "): nothing to analyse; set KUBECONFIG or --kubeconfig, "
                + "or give files or folders as OLD and NEW instead of live:", noKubeconfig.err().strip());
    }

    /** A live namespace that is no namespace name is said before any connection, with what a name is. */
    @Test
    void aLiveNamespaceThatIsNoNameIsRefusedWithWhatANameIs(@TempDir Path dir) throws IOException {
        Path kc = LiveApiServer.unreachableKubeconfig(dir, "es");
        CliRun r = CliRun.run("diff", "live:Kafka", RESOURCE.toString(), "--kubeconfig", kc.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: live:Kafka: 'Kafka' is not a namespace name (a DNS label: lower-case letters, digits and '-')"), r.err());
    }
}
