package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public resources of real installations (issue 23): what the product's API accepts renders, strictly where
 * es-netpol reads and with warnings where the API server decides.
 */
class RealResourcesTest {

    private static final String METRICS_11_0 = "src/test/resources/resources/es-11.0-metrics.yaml";
    private static final String EXPORTED = "src/test/resources/resources/es-11.x-exported.yaml";

    @Test
    void strimzisPreMetricsConfigFieldTurnsMetricsOnAsTheProductDid(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(METRICS_11_0));
        Path modern = dir.resolve("modern.yaml");
        Files.writeString(modern, text.replace("metrics: {}", "metricsConfig: {type: jmxPrometheusExporter}"));
        Path without = dir.resolve("without.yaml");
        Files.writeString(without, text.replace("metrics: {}", "replicas: 3"));
        CliRun old = CliRun.run("render", "-f", METRICS_11_0);
        assertEquals(0, old.code(), old.err());
        assertEquals("", old.err());
        assertTrue(old.out().contains("port: 9404"), old.out());
        // The same policies as with metricsConfig; and not those of an instance without metrics.
        assertEquals(CliRun.run("render", "-f", modern.toString()).out(), old.out());
        assertNotEquals(CliRun.run("render", "-f", without.toString()).out(), old.out());
    }

    @Test
    void anExportedResourceRendersWithWarningsAndFailsWithStrict() {
        CliRun lenient = CliRun.run("render", "-f", EXPORTED);
        assertEquals(0, lenient.code(), lenient.err());
        assertEquals(List.of(
                "warning: " + EXPORTED + ":22: spec.adminUI.endpoints[0].tlsTermination: unknown field 'tlsTermination', near no field "
                        + "es-netpol reads: the API server decides whether it is valid (--strict refuses it)",
                "warning: " + EXPORTED + ":25: spec.strimziOverrides.kafkaProxy: unknown field 'kafkaProxy', near no field es-netpol "
                        + "reads: the API server decides whether it is valid (--strict refuses it)"),
                lenient.err().lines().filter(l -> l.startsWith("warning:")).toList());
        assertTrue(lenient.out().contains("name: exported-kafka-netpol"), lenient.out());
        CliRun verify = CliRun.run("verify", "-f", EXPORTED);
        assertEquals(0, verify.code(), verify.out() + verify.err());

        CliRun strict = CliRun.run("render", "--strict", "-f", EXPORTED);
        assertEquals(2, strict.code());
        assertEquals("", strict.out());
        assertTrue(strict.err().contains("error: " + EXPORTED + ":22: spec.adminUI.endpoints[0].tlsTermination: unknown field "
                + "'tlsTermination', near no field es-netpol reads (refused by --strict)"), strict.err());
        assertTrue(strict.err().contains("error: " + EXPORTED + ":25: spec.strimziOverrides.kafkaProxy:"), strict.err());
    }

    @Test
    void aMisspeltKeyEsNetpolReadsStaysAnErrorWithoutStrict(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(Path.of(EXPORTED)).replace("kafkaProxy:", "kafkaExportr:"));
        CliRun run = CliRun.run("render", "-f", typo.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("spec.strimziOverrides.kafkaExportr: unknown field 'kafkaExportr' (did you mean 'kafkaExporter'?)"),
                run.err());
    }

    @Test
    void anUnknownKindOfAnEventStreamsOrStrimziGroupIsAnErrorWithASuggestion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.yaml"), Files.readString(Path.of(METRICS_11_0)));
        Files.writeString(dir.resolve("b-typo.yaml"), """
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStream
                metadata:
                  name: typo
                spec: {}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopics
                metadata:
                  name: t
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: fine
                """);
        for (String command : List.of("render", "verify", "matrix")) {
            CliRun run = CliRun.run(command, "-f", dir.toString());
            assertEquals(2, run.code(), command + ": " + run.err());
            assertEquals("", run.out(), command);
            assertTrue(run.err().contains("b-typo.yaml:2: kind: no kind 'EventStream' in API group eventstreams.ibm.com "
                    + "(did you mean 'EventStreams'"), command + ": " + run.err());
            assertTrue(run.err().contains("b-typo.yaml:8: kind: no kind 'KafkaTopics' in API group kafka.strimzi.io (did you mean 'KafkaTopic'"),
                    command + ": " + run.err());
        }
    }
}
