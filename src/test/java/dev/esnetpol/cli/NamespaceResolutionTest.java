package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Namespaces as kubectl resolves them, the same for every command: the object's own, else -n, else the
 * kubeconfig context's, else default. The bundled examples and the review scenario, with every
 * {@code metadata.namespace} taken out, give the same verify, explain, matrix and review results as with it,
 * whether the namespace then comes from -n or from the kubeconfig; IBM's 11.7 sample (which has none) gives the
 * same result as with -n.
 */
class NamespaceResolutionTest {

    @TempDir
    static Path tmp;
    static Path noKubeconfig;
    static Path production;
    static Path productionBare;
    static Path reviewBare;

    @BeforeAll
    static void strip() throws IOException {
        noKubeconfig = tmp.resolve("no-such-kubeconfig");
        production = Path.of("examples/eventstreams-production.yaml");
        productionBare = tmp.resolve("production-bare.yaml");
        Files.writeString(productionBare, withoutNamespaces(Files.readString(production)));
        reviewBare = Files.createDirectories(tmp.resolve("review-bare"));
        try (Stream<Path> files = Files.list(Path.of("examples/es-prod-namespace"))) {
            for (Path f : files.toList()) {
                Files.writeString(reviewBare.resolve(f.getFileName()), withoutNamespaces(Files.readString(f)));
            }
        }
        assertTrue(Files.readString(productionBare).lines().noneMatch(l -> l.matches("\\s+namespace: es-prod")));
    }

    /** The text without any {@code metadata.namespace: es-prod} line (selectors and Namespace objects keep theirs). */
    static String withoutNamespaces(String yaml) {
        return String.join("\n", yaml.lines().filter(l -> !l.matches("  namespace: es-prod\\s*")).toList()) + "\n";
    }

    static Path kubeconfig(String namespace) throws IOException {
        Path f = tmp.resolve("kubeconfig-" + namespace);
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                current-context: work
                clusters:
                  - name: c
                    cluster: {server: "https://127.0.0.1:1"}
                users:
                  - name: u
                    user: {token: t}
                contexts:
                  - name: work
                    context: {cluster: c, user: u, namespace: %s}
                """.formatted(namespace));
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"verify", "matrix", "explain"})
    void withoutANamespaceAsWithOne(String command) throws IOException {
        String[] extra = command.equals("explain")
                ? new String[]{"--from", "production-ibm-es-ui-0", "--to", "production-kafka-0", "--port", "9091"} : new String[0];
        CliRun original = CliRun.runWithKubeconfig(noKubeconfig, args(command, production, extra));
        CliRun flag = CliRun.runWithKubeconfig(noKubeconfig, args(command, productionBare, extra, "-n", "es-prod"));
        CliRun context = CliRun.runWithKubeconfig(kubeconfig("es-prod"), args(command, productionBare, extra));
        assertEquals(original.out(), flag.out(), flag.err());
        assertEquals(original.code(), flag.code());
        assertEquals(original.out(), context.out(), context.err());
        assertEquals(original.code(), context.code());
        assertTrue(flag.err().contains("taken to be in 'es-prod' (from -n/--namespace)"), flag.err());
        assertTrue(context.err().contains("taken to be in 'es-prod' (the namespace of kubeconfig context 'work')"), context.err());
        assertTrue(original.err().isEmpty() || !original.err().contains("taken to be in"), "the file had its namespace: nothing to say");
    }

    @Test
    void explainOfTheAdminUiToKafkaIsDeniedWithoutANamespace() {
        CliRun r = CliRun.runWithKubeconfig(noKubeconfig, "explain", "--from", "production-ibm-es-ui-0", "--to", "production-kafka-0",
                "--port", "9091", productionBare.toString());
        assertEquals(ExitCodes.FINDINGS, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("DENIED: default/production-ibm-es-ui-0 -> default/production-kafka-0 9091/TCP"), r.out());
        assertTrue(r.err().contains("taken to be in 'default' (no -n/--namespace and no namespace in a kubeconfig context)"), r.err());
    }

    @Test
    void reviewOfFilesWithoutNamespacesFindsWhatItFindsWithThem() throws IOException {
        JsonNode original = reviewJson(CliRun.runWithKubeconfig(noKubeconfig, "review", "-f", "examples/es-prod-namespace", "-o", "json"));
        JsonNode flag = reviewJson(CliRun.runWithKubeconfig(noKubeconfig, "review", "-f", reviewBare.toString(), "-n", "es-prod", "-o", "json"));
        JsonNode context = reviewJson(CliRun.runWithKubeconfig(kubeconfig("es-prod"), "review", reviewBare.toString(), "-o", "json"));
        for (JsonNode f : original.path("findings")) {
            assertEquals("OPEN", f.path("kind").asText(), "the scenario is clean but for what the defaults open: " + f);
        }
        assertEquals(original, flag);
        assertEquals(original, context);
    }

    private static JsonNode reviewJson(CliRun r) throws IOException {
        assertEquals(0, r.code(), r.out() + r.err());
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(r.out());
        json.remove("source");
        return json;
    }

    static java.util.stream.Stream<String> samples() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** Every IBM sample (11.7 to 13.0, none with a namespace) gives the same results without a namespace as with one. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("samples")
    void theSampleOfIbmWithoutANamespaceAsWithOne(String file) throws IOException {
        Path sample = SharedFiles.resolve("samples/event-streams/" + file);
        String instance = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(sample.toFile())
                .path("metadata").path("name").asText();
        CliRun bare = CliRun.runWithKubeconfig(noKubeconfig, "verify", "-f", sample.toString());
        CliRun withNs = CliRun.runWithKubeconfig(noKubeconfig, "verify", "-f", sample.toString(), "-n", "es");
        assertEquals(0, bare.code(), bare.out() + bare.err());
        assertEquals(withNs.out().replace(" es/", " default/").replace("; es/", "; default/"), bare.out());
        assertTrue(bare.out().contains(" 0 excess"), bare.out());
        String matrixBare = CliRun.runWithKubeconfig(noKubeconfig, "matrix", sample.toString()).out();
        String matrixNs = CliRun.runWithKubeconfig(noKubeconfig, "matrix", sample.toString(), "-n", "es").out();
        assertEquals(matrixNs.replace("es/", "default/").replaceAll(" +", " "), matrixBare.replaceAll(" +", " "));
        CliRun explain = CliRun.runWithKubeconfig(noKubeconfig, "explain", "--from", instance + "-ibm-es-ui-0", "--to", instance + "-kafka-0",
                "--port", "9091", sample.toString());
        assertEquals(ExitCodes.FINDINGS, explain.code(), explain.out() + explain.err());
        CliRun explainNs = CliRun.runWithKubeconfig(noKubeconfig, "explain", "--from", instance + "-ibm-es-ui-0", "--to", instance + "-kafka-0",
                "--port", "9091", sample.toString(), "-n", "es");
        assertEquals(explainNs.out().replace("es/", "default/"), explain.out());
        CliRun review = CliRun.runWithKubeconfig(noKubeconfig, "review", "-f", sample.toString(), "-o", "json");
        CliRun reviewNs = CliRun.runWithKubeconfig(noKubeconfig, "review", "-f", sample.toString(), "-n", "es", "-o", "json");
        assertEquals(reviewNs.code(), review.code(), review.err());
        assertEquals(withoutSource(reviewNs.out()).replace("\"es\"", "\"default\"").replace("es/", "default/")
                .replace("namespace es:", "namespace default:"), withoutSource(review.out()));
    }

    private static String withoutSource(String json) {
        return String.join("\n", json.lines().filter(l -> !l.startsWith("  \"source\"")).toList());
    }

    @Test
    void policiesWithoutANamespaceApplyToThePodsBesideThem() throws IOException {
        // The rendered policies with their namespace taken out, beside the resource without one: the same
        // policies as rendering them (no "no policy selects ... everything is allowed").
        Path dir = Files.createDirectories(tmp.resolve("beside"));
        String rendered = CliRun.runWithKubeconfig(noKubeconfig, "render", "-f", production.toString()).out();
        Files.writeString(dir.resolve("policies.yaml"), withoutNamespaces(rendered));
        CliRun installed = CliRun.runWithKubeconfig(noKubeconfig, "verify", "-f", productionBare.toString(), "--policies",
                dir.resolve("policies.yaml").toString(), "-n", "es-prod");
        assertEquals(0, installed.code(), installed.out() + installed.err());
        assertEquals(CliRun.runWithKubeconfig(noKubeconfig, "verify", "-f", production.toString()).out(), installed.out());
    }

    @Test
    void aPolicyInANamespaceWithoutPodsIsNamedNotSilentlyApplied() {
        String objects = """
                apiVersion: v1
                kind: Pod
                metadata: {name: a, labels: {app: a}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: kafka}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """;
        CliRun piped = CliRun.runWithStdin(objects, "matrix", "-f", "-");
        assertEquals(0, piped.code(), piped.err());
        assertTrue(piped.err().contains("note: 1 NetworkPolicy(ies) in namespaces without any pod select nothing: kafka/deny-all"), piped.err());
        CliRun other = CliRun.runWithStdin(objects, "matrix", "-f", "-", "-n", "es");
        assertEquals(ExitCodes.ERROR, other.code(), "the policy names kafka, -n says es: refused as kubectl refuses it");
        assertTrue(other.err().contains("<stdin>:8: metadata.namespace: the object is in namespace 'kafka', not 'es'"), other.err());
    }

    @Test
    void aNamespaceFlagThatIsNotANameIsAUsageError() {
        CliRun r = CliRun.runWithKubeconfig(noKubeconfig, "matrix", productionBare.toString(), "-n", "Not_A_Namespace");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("'Not_A_Namespace' is not a namespace name"), r.err());
    }

    private static String[] args(String command, Path file, String[] extra, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(extra));
        all.add(file.toString());
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
