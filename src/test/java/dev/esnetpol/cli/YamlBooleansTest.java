package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unquoted {@code y} and {@code n} are booleans to kubectl's YAML reader (YAML 1.1), as {@code yes} and
 * {@code no} are: es-netpol reads them so in every field whose type matters, by default; {@code --yaml 1.2}
 * reads files written for a YAML 1.2 reader as written, in every command that reads files.
 */
class YamlBooleansTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              namespace: es
              labels:
                app: %s
            spec:
              hostNetwork: %s
              containers:
              - name: c
                image: x
            """;

    @Test
    void aLabelValueYIsABooleanRefusedWithQuoteItLikeYes(@TempDir Path dir) throws IOException {
        for (String word : new String[]{"y", "N", "yes", "off"}) {
            Path pod = Files.writeString(dir.resolve("pod.yaml"), POD.formatted(word, "false"));
            CliRun r = CliRun.run("matrix", "-f", pod.toString());
            assertEquals(ExitCodes.ERROR, r.code(), word + ": " + r.err());
            String value = word.equalsIgnoreCase("y") || word.equalsIgnoreCase("yes") ? "true" : "false";
            assertTrue(r.err().contains("pod.yaml:7: metadata.labels.app: a label value must be a string, found a boolean: kubectl reads "
                    + word + " as the boolean " + value + "; quote it: '" + word + "'"), r.err());
        }
        Path quoted = Files.writeString(dir.resolve("pod.yaml"), POD.formatted("'y'", "false"));
        assertEquals(0, CliRun.run("matrix", "-f", quoted.toString()).code(), "quoted, it is a string");
    }

    @Test
    void aBooleanFieldReadsYAsTrueAndNAsFalse(@TempDir Path dir) throws IOException {
        Path y = Files.writeString(dir.resolve("y.yaml"), POD.formatted("web", "y"));
        Path yes = Files.writeString(dir.resolve("yes.yaml"), POD.formatted("web", "true"));
        CliRun r = CliRun.run("matrix", "-f", y.toString(), "-o", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(CliRun.run("matrix", "-f", yes.toString(), "-o", "json").out(), r.out(), "hostNetwork: y is hostNetwork: true");
    }

    @Test
    void aListenersTlsNIsFalseAndYIsTrue(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("examples/eventstreams-quickstart.yaml"));
        assertTrue(text.contains("tls: false") && text.contains("tls: true"));
        Path words = Files.writeString(dir.resolve("es.yaml"), text.replace("tls: false", "tls: n").replace("tls: true", "tls: Y"));
        CliRun r = CliRun.run("render", "-f", words.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().isEmpty());
        assertEquals(CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml").out(), r.out());
    }

    /** A namespace y as the Kubernetes e2e model names it, unquoted: kubectl could not apply it. */
    private static final String NAMESPACE_Y = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: y
              labels:
                kubernetes.io/metadata.name: y
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              namespace: y
              labels:
                pod: a
            spec:
              containers:
              - name: c
                image: x
                ports:
                - containerPort: 80
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny
              namespace: y
            spec:
              podSelector: {}
            """;

    @Test
    void aNamespaceYIsRefusedAsKubectlWouldWithWhatKubectlMakesOfIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ns.yaml"), NAMESPACE_Y);
        CliRun r = CliRun.run("matrix", "-f", file.toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.err());
        assertTrue(r.err().contains("ns.yaml:6: metadata.labels.kubernetes.io/metadata.name: a label value must be a string, found a boolean: "
                + "kubectl reads y as the boolean true; quote it: 'y'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void yaml12ReadsItAsWrittenBeforeOrAfterTheCommand(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ns.yaml"), NAMESPACE_Y);
        CliRun before = CliRun.run("--yaml", "1.2", "matrix", "-o", "connlist", "-f", file.toString());
        assertEquals(0, before.code(), before.err());
        CliRun after = CliRun.run("matrix", "--yaml=1.2", "-o", "connlist", "-f", file.toString());
        assertEquals(0, after.code(), after.err());
        assertEquals(before.out(), after.out());
        Path quoted = Files.writeString(dir.resolve("quoted.yaml"), NAMESPACE_Y.replace(": y\n", ": 'y'\n"));
        CliRun asKubectl = CliRun.run("matrix", "-o", "connlist", "-f", quoted.toString());
        assertEquals(0, asKubectl.code(), asKubectl.err());
        assertEquals(asKubectl.out(), before.out(), "1.2 reads y as kubectl reads 'y'");
        assertTrue(CliRun.run("--yaml", "kubectl", "matrix", "-f", file.toString()).err().contains("quote it: 'y'"));
    }

    @Test
    void yaml12ReachesEveryCommandThatReadsFiles(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ns.yaml"), NAMESPACE_Y);
        Path es = Path.of("examples/eventstreams-quickstart.yaml");
        String[][] commands = {
                {"verify", "-f", es.toString(), "-f", file.toString()},
                {"explain", "--from", "y/a", "--to", "y/a", "--port", "80", "-f", file.toString()},
                {"matrix", "-f", file.toString()},
                {"diff", file.toString(), file.toString()},
                {"review", "-f", file.toString(), "-f", es.toString()},
                {"render", "-f", es.toString(), "-f", file.toString()}};
        for (String[] command : commands) {
            CliRun asKubectl = CliRun.run(command);
            assertEquals(ExitCodes.ERROR, asKubectl.code(), String.join(" ", command) + ": " + asKubectl.err());
            assertTrue(asKubectl.err().contains("kubectl reads y as the boolean true; quote it: 'y'"), String.join(" ", command) + ": " + asKubectl.err());
            String[] as12 = java.util.stream.Stream.concat(java.util.stream.Stream.of("--yaml", "1.2"), java.util.Arrays.stream(command)).toArray(String[]::new);
            CliRun r = CliRun.run(as12);
            assertTrue(r.code() != ExitCodes.ERROR, String.join(" ", as12) + ": " + r.err());
            assertFalse(r.err().contains("quote it"), r.err());
        }
    }

    @Test
    void hostNetworkYUnderYaml12IsAStringAndRefused(@TempDir Path dir) throws IOException {
        Path pod = Files.writeString(dir.resolve("pod.yaml"), POD.formatted("web", "y"));
        CliRun r = CliRun.run("--yaml", "1.2", "matrix", "-f", pod.toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.err());
        assertTrue(r.err().contains("pod.yaml:9: spec.hostNetwork: expected true or false, found a string (y)"), r.err());
    }

    @Test
    void metricsFromIsReadAsFilesAre() {
        String peer = "{namespaceSelector: {matchLabels: {monitoring: on}}}";
        CliRun asKubectl = CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml", "--metrics-from", peer);
        assertEquals(ExitCodes.ERROR, asKubectl.code());
        assertTrue(asKubectl.err().contains("--metrics-from[0].namespaceSelector.matchLabels.monitoring: a label value must be a string, "
                + "found a boolean: kubectl reads on as the boolean true; quote it: 'on'"), asKubectl.err());
        CliRun as12 = CliRun.run("render", "--yaml", "1.2", "-f", "examples/eventstreams-quickstart.yaml", "--metrics-from", peer);
        assertEquals(0, as12.code(), as12.err());
        assertTrue(as12.out().contains("monitoring: \"on\"") || as12.out().contains("monitoring: 'on'"), as12.out());
    }

    @Test
    void anUnknownReadingIsAUsageErrorNamingTheOnesThatExist() {
        CliRun r = CliRun.run("matrix", "--yaml", "1.1", "-f", "examples/eventstreams-quickstart.yaml");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("expected one of kubectl, 1.2, found '1.1'"), r.err());
    }

    @Test
    void anEventStreamsResourcesStringsRefuseBooleansAsItsApiServerDoes(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("examples/eventstreams-quickstart.yaml"))
                .replace("  name: quickstart\n", "  name: y\n  labels:\n    tier: on\n").replace("- name: plain", "- name: yes");
        Path es = Files.writeString(dir.resolve("es.yaml"), text);
        CliRun r = CliRun.run("render", "-f", es.toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.err());
        assertEquals(java.util.List.of(
                "error: " + es + ":7: metadata.name: expected a string, found a boolean: kubectl reads y as the boolean true; quote it: 'y'",
                "error: " + es + ":9: metadata.labels.tier: expected a string, found a boolean: kubectl reads on as the boolean true; quote it: 'on'",
                "error: " + es + ":27: spec.strimziOverrides.kafka.listeners[0].name: expected a string, found a boolean: "
                        + "kubectl reads yes as the boolean true; quote it: 'yes'"),
                r.err().lines().filter(l -> l.startsWith("error: ")).toList(), "each once, not again as missing");
        assertEquals("", r.out());
        CliRun as12 = CliRun.run("render", "--yaml", "1.2", "-f", es.toString());
        assertEquals(0, as12.code(), as12.err());
        assertTrue(as12.out().contains("name: y-kafka-netpol"), as12.out());
    }
}
