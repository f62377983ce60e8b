package dev.esnetpol.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.cli.CliRun;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each IBM sample as a namespace dump shaped as {@code kubectl get} prints it ({@link NamespaceDumps}): reviews clean
 * of drift, excess and missing flows, names the real pods, and one hand-added rule is one finding; explain takes the
 * pods' and workloads' names; with no pod running, every output says so.
 */
class SampleNamespacesTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> kinds(JsonNode review) {
        List<String> out = new ArrayList<>();
        review.path("findings").forEach(f -> out.add(f.path("kind").asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aGitOpsNamespaceReviewsCleanAndNamesItsPods(Path sample, @TempDir Path dir) throws IOException {
        Path dump = NamespaceDumps.of(sample, dir, true);
        CliRun r = CliRun.run("review", "-f", dump.toString(), "-o", "json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode review = json(r);
        assertTrue(kinds(review).stream().allMatch("OPEN"::equals), "nothing but what the defaults open: " + review.path("findings"));
        Map<PodGroup, List<String>> pods = NamespaceDumps.podNames(dump);
        List<String> tables = new ArrayList<>();
        review.path("tables").forEach(t -> tables.add(t.path("pod").asText()));
        for (List<String> names : pods.values()) {
            assertTrue(tables.contains(NamespaceDumps.NAMESPACE + "/" + names.get(0)), names.get(0) + " in " + tables);
        }
        String notes = review.path("notes").toString();
        assertTrue(notes.contains("reproduced with the options they record") && notes.contains("not owned by its EventStreams"), notes);
        assertTrue(!notes.contains("stand-in for"), "every component runs: " + notes);

        // explain takes a real pod's name, and a Deployment's.
        PodGroup broker = pods.keySet().stream().filter(g -> g.serves(Component.KAFKA)).findFirst().orElseThrow();
        CliRun explain = CliRun.run("explain", "--from", pods.get(broker).get(0), "--to", pods.get(broker).get(1), "--port", "9091", dump.toString());
        assertEquals(0, explain.code(), explain.out() + explain.err());
        assertTrue(explain.out().startsWith("ALLOWED: es/" + pods.get(broker).get(0) + " -> es/" + pods.get(broker).get(1)), explain.out());
        String instance = broker.owner();
        CliRun byWorkload = CliRun.run("explain", "--from", instance + "-ibm-es-admapi", "--to", pods.get(broker).get(0), "--port", "9999",
                dump.toString());
        assertTrue(byWorkload.out().startsWith("DENIED: es/" + instance + "-ibm-es-admapi-7d9f8c6b5-x0q4z -> es/"), byWorkload.out() + byWorkload.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void oneHandAddedRuleIsOneFinding(Path sample, @TempDir Path dir) throws IOException {
        Path dump = NamespaceDumps.of(sample, dir, true);
        Files.writeString(dump.resolve("hand-added.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: open-brokers
                  namespace: es
                spec:
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: kafka
                  policyTypes: [Ingress]
                  ingress:
                    - ports:
                        - port: 7777
                """);
        CliRun r = CliRun.run("review", "-f", dump.toString(), "-o", "json");
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode review = json(r);
        List<JsonNode> failing = new ArrayList<>();
        review.path("findings").forEach(f -> {
            if (!f.path("kind").asText().equals("OPEN")) {
                failing.add(f);
            }
        });
        assertEquals(1, failing.size(), failing.toString());
        assertEquals("EXCESS", failing.get(0).path("kind").asText());
        assertTrue(failing.get(0).path("subject").asText().startsWith("es/open-brokers ingress rule #1"), failing.get(0).toString());
        assertTrue(failing.get(0).path("message").asText().startsWith("opens TCP 7777 from "), failing.get(0).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aNamespaceWhereNothingRunsSaysSoInEveryOutput(Path sample, @TempDir Path dir) throws IOException {
        Path dump = NamespaceDumps.of(sample, dir, false);
        String note = "no pod of the installations runs in namespace es";
        CliRun text = CliRun.run("review", "-f", dump.toString(), "--html", dir.resolve("r.html").toString());
        assertEquals(0, text.code(), text.out() + text.err());
        assertTrue(text.out().contains(note), text.out());
        assertTrue(CliRun.run("review", "-f", dump.toString(), "-o", "markdown").out().contains(note));
        assertTrue(json(CliRun.run("review", "-f", dump.toString(), "-o", "json")).path("notes").toString().contains(note));
        assertTrue(Files.readString(dir.resolve("r.html")).contains(note));
        // Stand-ins follow the replica counts: as many brokers as the sample's first node pool runs (3, or 1 in the light samples).
        JsonNode resource = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(sample.toFile());
        JsonNode pool = resource.at("/spec/strimziOverrides/nodePools/0");
        String instance = resource.path("metadata").path("name").asText();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < pool.path("replicas").asInt(); n++) {
            expected.add("es/" + instance + "-" + pool.path("name").asText() + "-" + n);
        }
        assertTrue(text.out().contains("for " + String.join(", ", expected) + "\n"), expected + " in " + text.out());
        assertTrue(text.out().contains("stand-in for "), text.out());
    }
}
