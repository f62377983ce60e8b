package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IBM's public sample resources ({@code ../shared/samples/event-streams/}, 11.7 to 13.0) render, verify clean,
 * and are written from the table set of their release; KRaft control-plane traffic is proven with explain.
 */
class SamplesTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(6, all.size());
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rendersFromTheTableSetOfItsRelease(Path sample) throws IOException {
        CliRun r = CliRun.run("render", "-f", sample.toString(), "-n", "es", "-o", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode items = new ObjectMapper().readTree(r.out()).path("items");
        assertTrue(items.size() >= 6, "policies: " + items.size());
        String expected = sample.getFileName().toString().contains("11.7.0") ? "10.1-11.7" : "11.8-13.0";
        for (JsonNode p : items) {
            assertEquals(expected, p.path("metadata").path("annotations").path("es-netpol/tables").asText(), p.path("metadata").path("name").asText());
        }
        boolean kraft = expected.equals("11.8-13.0");
        boolean controllerPolicy = false;
        for (JsonNode p : items) {
            for (JsonNode rule : p.path("spec").path("ingress")) {
                for (JsonNode port : rule.path("ports")) {
                    controllerPolicy |= port.path("port").asInt() == 9090 && p.path("metadata").path("labels")
                            .path("app.kubernetes.io/component").asText().equals("kafka");
                }
            }
        }
        assertEquals(kraft, controllerPolicy, "a Kafka policy opens the control plane 9090 exactly when the instance runs KRaft");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void verifiesWithNothingMissingAndNothingExcess(Path sample) {
        CliRun r = CliRun.run("verify", "-f", sample.toString(), "-n", "es");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" 0 missing;") && r.out().contains(" 0 excess"), r.out());
    }

    @Test
    void brokersReachControllersOn9090AndStrangersDoNot() throws IOException {
        Path sample = SharedFiles.resolve("samples/event-streams/03-es-11.8.0-kubernetes-minimal-prod-separate-pools.yaml");
        Path placed = Files.createTempFile("sample-03", ".yaml");
        // explain reads namespaces from the files: place the sample in the stranger's namespace.
        Files.writeString(placed, Files.readString(sample).replace("  name: minimal-prod\n", "  name: minimal-prod\n  namespace: es\n"));
        String stranger = "src/test/resources/kraft/stranger.yaml";
        CliRun broker = CliRun.run("explain", "--from", "es/minimal-prod-kafka-0", "--to", "es/minimal-prod-controller-0", "--port", "9090",
                placed.toString(), stranger);
        assertEquals(0, broker.code(), broker.out() + broker.err());
        assertTrue(broker.out().startsWith("ALLOWED"), broker.out());
        assertTrue(broker.out().contains("es/minimal-prod-controller-netpol"), broker.out());
        CliRun other = CliRun.run("explain", "--from", "es/stranger", "--to", "es/minimal-prod-controller-0", "--port", "9090",
                placed.toString(), stranger);
        assertEquals(1, other.code(), other.out());
        assertTrue(other.out().startsWith("DENIED"), other.out());
        CliRun listener = CliRun.run("explain", "--from", "es/stranger", "--to", "es/minimal-prod-controller-0", "--port", "9093",
                placed.toString(), stranger);
        assertTrue(listener.out().startsWith("DENIED"), "listener ports are on brokers only: " + listener.out());
        // An instance pod that is no Kafka node (the admin API) is no peer of the control plane either.
        CliRun adminApi = CliRun.run("explain", "--from", "es/minimal-prod-ibm-es-admapi-0", "--to", "es/minimal-prod-controller-0",
                "--port", "9090", placed.toString(), stranger);
        assertTrue(adminApi.out().startsWith("DENIED"), adminApi.out());
        Files.delete(placed);
    }
}
