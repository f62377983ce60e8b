package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code es-netpol render} end to end: what a user types, what lands on stdout and stderr, the exit code. */
class RenderCommandTest {

    private static final String QUICKSTART = "examples/eventstreams-quickstart.yaml";

    private static List<JsonNode> documents(String yamlStream) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yamlStream)) {
            var it = new YAMLMapper().readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    @Test
    void printsOneYamlDocumentPerPolicy() throws IOException {
        CliRun r = CliRun.run("render", "-f", QUICKSTART);
        assertEquals(0, r.code(), r.err());
        List<JsonNode> docs = documents(r.out());
        assertEquals(7, docs.size());
        for (JsonNode d : docs) {
            assertEquals("NetworkPolicy", d.path("kind").asText());
            assertEquals("es-dev", d.path("metadata").path("namespace").asText());
        }
    }

    @Test
    void jsonOutputIsAKubernetesList() throws IOException {
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "-o", "json");
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertEquals("List", list.path("kind").asText());
        assertEquals(7, list.path("items").size());
    }

    @Test
    void aNamespaceOtherThanTheResourcesOwnIsRefusedAsKubectlRefusesIt() {
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "--namespace", "elsewhere");
        assertEquals(ExitCodes.ERROR, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("metadata.namespace: the object is in namespace 'es-dev', not 'elsewhere'"), r.err());
        assertEquals(0, CliRun.run("render", "-f", QUICKSTART, "--namespace", "es-dev").code());
    }

    @Test
    void aKindRenderDoesNotUseIsSkippedAndCountedNotRefused() {
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "-f", "src/test/resources/bad/unknown-kind.yaml");
        assertEquals(0, r.code(), r.err());
        assertEquals(CliRun.run("render", "-f", QUICKSTART).out(), r.out());
        assertTrue(r.err().contains("note: skipped 1 object of 1 kind that render does not use (ConfigMap 1)"), r.err());
    }

    @Test
    void readsStandardInputAndDirectories(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(QUICKSTART));
        CliRun fromStdin = CliRun.runWithStdin(text, "render", "-f", "-");
        assertEquals(CliRun.run("render", "-f", QUICKSTART).out(), fromStdin.out());
        Files.writeString(dir.resolve("a.yaml"), text);
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(Path.of("examples/eventstreams-production.yaml"), dir.resolve("sub/b.yml"));
        CliRun fromDir = CliRun.run("render", "-f", dir.toString());
        assertEquals(0, fromDir.code(), fromDir.err());
        assertEquals(7, documents(fromDir.out()).size(), "without -R, as kubectl, the subdirectory is not read");
        assertTrue(fromDir.err().contains("ignored 1 file(s) in subdirectories of " + dir + " (use -R"), fromDir.err());
        CliRun recursive = CliRun.run("render", "-R", "-f", dir.toString());
        assertEquals(0, recursive.code(), recursive.err());
        assertEquals(17, documents(recursive.out()).size());
        assertEquals(recursive.out(), CliRun.run("render", "-R", dir.toString()).out(), "a path means the same as -f path");
    }

    @Test
    void severalFilesMakeOneStream() throws IOException {
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "-f", "examples/eventstreams-connect-georep.yaml");
        assertEquals(7 + 8, documents(r.out()).size());
    }

    @Test
    void egressSwitchAndOperatorNamespaceOption() {
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "--egress=false", "--operator-namespace-labels", "team=platform,tier=ops");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("egress:"));
        assertFalse(r.out().contains("- Egress"));
        assertTrue(r.out().contains("team: platform"));
    }

    @Test
    void helpExplainsTheCommand() {
        CliRun r = CliRun.run("render", "--help");
        assertEquals(0, r.code());
        for (String word : List.of("--filename", "--output", "--namespace", "--egress", "--operator-namespace-labels", "Examples")) {
            assertTrue(r.out().contains(word), "help lacks " + word);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            unparsable.yaml;                 unparsable.yaml:7: not valid YAML
            missing-name.yaml;               missing-name.yaml:3: metadata.name: missing name
            listener-ports.yaml;             listener-ports.yaml:9: spec.strimziOverrides.kafka.listeners[1].port: expected a whole number, found the string 'nine'
            listener-ports.yaml;             listener-ports.yaml:10: spec.strimziOverrides.kafka.listeners[2].port: port 70000 is out of range 1-65535
            listener-ports.yaml;             spec.strimziOverrides.kafka.listeners[3].port: port 9092 is already used by the listener at spec.strimziOverrides.kafka.listeners[0]
            listener-ports.yaml;             spec.strimziOverrides.kafka.listeners[4].port: port 0 is out of range
            map-listener-and-tls.yaml;       map-listener-and-tls.yaml:10: spec.strimziOverrides.kafka.listeners.secure: unknown listener 'secure'
            map-listener-and-tls.yaml;       map-listener-and-tls.yaml:5: spec.security.internalTls: 'TLSv1.3' is not a valid value (expected TLSv1.2 or NONE)
            network-policy-peers.yaml;       networkPolicyPeers[0].podSelector.matchExpressions[0].operator: unknown operator 'Equals'
            network-policy-peers.yaml;       network-policy-peers.yaml:16: spec.strimziOverrides.kafka.listeners[0].networkPolicyPeers[1].ipBlock.cidr: '10.0.0.0/33' is not a CIDR
            network-policy-peers.yaml;       networkPolicyPeers[2]: ipBlock cannot be combined with podSelector or namespaceSelector
            network-policy-peers.yaml;       networkPolicyPeers[3].ipBlock.except[0]: '11.0.0.0/16' must be strictly inside cidr 10.0.0.0/8
            network-policy-peers.yaml;       networkPolicyPeers[4].podSelector.matchLabels: invalid label key 'bad key!'
            listener-coercion.yaml;          listener-coercion.yaml:9: spec.strimziOverrides.kafka.listeners[0].port: expected a whole number, found 9092.7
            listener-coercion.yaml;          listener-coercion.yaml:10: spec.strimziOverrides.kafka.listeners[1].port: expected a whole number, found the string '9095'
            listener-coercion.yaml;          listener-coercion.yaml:10: spec.strimziOverrides.kafka.listeners[1].tls: expected true or false, found the string 'true'
            listener-coercion.yaml;          listener-coercion.yaml:11: spec.strimziOverrides.kafka.listeners[2].port: port 80 is below 9092
            """)
    void badInputIsRefusedWithFileAndField(String file, String expected) {
        String path = "src/test/resources/bad/" + file;
        CliRun r = CliRun.run("render", "-f", QUICKSTART, "-f", path);
        assertEquals(ExitCodes.ERROR, r.code());
        assertEquals("", r.out(), "something was printed although the input is bad");
        assertTrue(r.err().contains(path), "error does not name the file: " + r.err());
        assertTrue(r.err().contains(expected.trim()), "expected '" + expected.trim() + "' in:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "stack trace without --verbose");
        r.err().lines().filter(l -> !l.startsWith("note: ")).forEach(l -> assertTrue(l.startsWith("error: " + path), "not one line per problem: " + l));
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun r = CliRun.run("render", "-v", "-f", "src/test/resources/bad/missing-name.yaml");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("\tat "));
    }

    @Test
    void missingFileAndBadOptions() {
        CliRun missing = CliRun.run("render", "-f", "no/such/file.yaml");
        assertEquals(ExitCodes.ERROR, missing.code());
        assertTrue(missing.err().contains("no/such/file.yaml: no such file or directory"), missing.err());
        CliRun badOption = CliRun.run("render", "-f", QUICKSTART, "--operator-namespace-labels", "=x");
        assertEquals(ExitCodes.ERROR, badOption.code());
        assertEquals("", badOption.out());
    }

    /** The messages come from one catalogue: what the code prints is what {@code Messages} says. */
    @org.junit.jupiter.api.Test
    void problemsAreWordedByTheMessageCatalogue() {
        CliRun ports = CliRun.run("render", "-f", "src/test/resources/bad/listener-ports.yaml");
        assertTrue(ports.err().contains(dev.esnetpol.kube.Messages.portOutOfRange(70000)), ports.err());
        CliRun peers = CliRun.run("render", "-f", "src/test/resources/bad/network-policy-peers.yaml");
        assertTrue(peers.err().contains(dev.esnetpol.kube.Messages.unknownOperator("Equals")), peers.err());
        assertTrue(peers.err().contains(dev.esnetpol.kube.Messages.invalidLabelKey("bad key!")), peers.err());
        assertTrue(peers.err().contains(dev.esnetpol.kube.Messages.notACidr("10.0.0.0/33", "prefix must be 0..32")), peers.err());
    }

    @Test
    void renderPrintsTheWebhooksRiskWarningsOnStderr() {
        // GitOps users apply through Git and never see the webhook's warnings: render says them.
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-production.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: EventStreams production: metrics port 9404 of kafka is open to anywhere, as the spec documents it; "
                + "name the scrapers with --metrics-from (Helm eventStreamsMetricsFrom)"), r.err());
        CliRun narrowed = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from",
                "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}");
        assertTrue(!narrowed.err().contains("metrics port 9404"), narrowed.err());
    }
}
