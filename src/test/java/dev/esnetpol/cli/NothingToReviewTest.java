package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reviews and verifications never pass on nothing: an empty folder, a misspelt namespace, no kubeconfig and an
 * unreachable cluster are errors (exit 2) that say why, the last at once, without the client
 * library's warnings.
 */
class NothingToReviewTest {

    private static final String PRODUCTION = "examples/es-prod-namespace";

    @Test
    void aMisspeltNamespaceIsAnError() {
        CliRun r = CliRun.run("review", "-f", PRODUCTION, "-n", "typo");
        assertEquals(ExitCodes.ERROR, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no Event Streams resource in namespace 'typo': nothing to review (the inputs have some in [es-prod])"), r.err());
    }

    @Test
    void anEmptyFolderIsAnErrorForReviewAndVerify(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        CliRun review = CliRun.run("review", "-f", dir.toString());
        assertEquals(ExitCodes.ERROR, review.code());
        assertTrue(review.err().contains("nothing to review"), review.err());
        CliRun verify = CliRun.run("verify", "-f", dir.toString());
        assertEquals(ExitCodes.ERROR, verify.code());
        assertTrue(verify.err().contains("no Event Streams resource") && verify.err().contains("nothing to verify"), verify.err());
        assertEquals(ExitCodes.ERROR, CliRun.run("render", "-f", dir.toString()).code());
    }

    @Test
    void noKubeconfigIsAnErrorThatSaysSo(@TempDir Path dir) {
        CliRun r = CliRun.runWithKubeconfig(dir.resolve("none"), "review", "-n", "kafka");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("error: no kubeconfig (looked at " + dir.resolve("none") + ") and not running in a cluster"), r.err());
    }

    @Test
    void anUndefinedContextIsAnErrorThatNamesIt(@TempDir Path dir) throws IOException {
        Path kc = dir.resolve("config");
        Files.writeString(kc, "apiVersion: v1\nkind: Config\ncurrent-context: gone\ncontexts: []\n");
        CliRun r = CliRun.runWithKubeconfig(kc, "review", "-n", "kafka");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("current-context 'gone' is not defined in it"), r.err());
    }

    @Test
    void anUnreachableClusterIsAnErrorWithoutRetrying(@TempDir Path dir) throws Exception {
        Path kc = unreachable(dir);
        long start = System.nanoTime();
        CliRun r = CliRun.runWithKubeconfig(kc, "review");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExitCodes.ERROR, r.code(), r.err());
        // fabric8's default retries a refused connection ten times, 100 ms doubling up to 3.2 s (about 19 s in
        // all; Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT, ExponentialBackoffIntervalCalculator); without retries
        // it fails in well under a second. 15 s tells the two apart even on a loaded machine.
        assertTrue(millis < 15_000, "took " + millis + " ms: the client retried");
        assertTrue(r.err().contains("connection refused"), r.err());
    }

    private static Path unreachable(Path dir) throws IOException {
        return LiveApiServer.unreachableKubeconfig(dir, "kafka");
    }

    /** In a process of its own, as a user runs it: stderr is everything the process writes, the library's logging included. */
    @Test
    void anUnreachableClusterIsOneLineNamingWhatFailed(@TempDir Path dir) throws Exception {
        Path kc = unreachable(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "review"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("KUBECONFIG", kc.toString());
        pb.environment().remove("KUBERNETES_SERVICE_HOST");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "review did not end");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(ExitCodes.ERROR, p.exitValue(), err);
        assertEquals("", Files.readString(dir.resolve("out")));
        assertTrue(err.startsWith("error: cannot read namespace 'kafka' from https://127.0.0.1:1 (context 'lab' of " + kc + "): connection refused"), err);
        assertEquals(1, err.lines().count(), "one line, no library warnings: " + err);
        assertFalse(err.contains("WARN"), err);
    }
}
