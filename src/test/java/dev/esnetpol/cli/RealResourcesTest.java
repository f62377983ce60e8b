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
        // Only the webhook's risk warnings (render prints them too): nothing about the resource's fields.
        assertEquals(List.of(), old.err().lines().filter(l -> !l.contains("is open to anywhere, as the spec documents it")).toList());
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
                lenient.err().lines().filter(l -> l.startsWith("warning:") && l.contains("unknown field")).toList());
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

    @Test
    void aTableSetThatContradictsAKRaftInstanceIsRefusedOrKeepsItsControlPlane(@TempDir Path dir) throws IOException {
        Path preview = dir.resolve("preview.yaml");
        Files.writeString(preview, """
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata:
                  name: preview
                  namespace: es
                  annotations:
                    eventstreams.ibm.com/kraft: enabled
                spec:
                  strimziOverrides:
                    kafka:
                      listeners:
                        - {name: tls, port: 9093, type: internal, tls: true}
                """);
        String v1Pools = dev.esnetpol.testing.SharedFiles.resolve("samples/event-streams/05-es-13.0.0-openshift-minimal-prod-v1-separate-pools.yaml")
                .toString();
        for (String file : List.of(preview.toString(), v1Pools)) {
            for (String command : List.of("render", "verify")) {
                CliRun refused = CliRun.run(command, "-n", "es", "--tables", "11.7", "-f", file);
                assertEquals(2, refused.code(), command + " " + file + ": " + refused.out() + refused.err());
                assertEquals("", refused.out());
                assertTrue(refused.err().contains("--tables: --tables 10.1-11.7 contradicts EventStreams "), refused.err());
                assertTrue(refused.err().contains("its controllers' control plane 9090 would be closed"), refused.err());
                assertTrue(refused.err().contains("add --tables-override"), refused.err());
            }
            CliRun kept = CliRun.run("render", "-n", "es", "--tables", "11.7", "--tables-override", "-f", file);
            assertEquals(0, kept.code(), kept.err());
            assertTrue(kept.out().contains("port: 9090"), kept.out());
            assertTrue(kept.out().contains("es-netpol/tables: 10.1-11.7+11.8-13.0"), kept.out());
            CliRun verified = CliRun.run("verify", "-n", "es", "--tables", "11.7", "--tables-override", "-f", file);
            assertEquals(0, verified.code(), verified.out() + verified.err());
        }
    }

    @Test
    void zookeeperInAV1ResourceIsAWarningAndKeepsZooKeeperOpen(@TempDir Path dir) throws IOException {
        Path v1 = dir.resolve("v1.yaml");
        Files.writeString(v1, Files.readString(Path.of(METRICS_11_0)).replace("eventstreams.ibm.com/v1beta2", "eventstreams.ibm.com/v1"));
        CliRun run = CliRun.run("render", "-f", v1.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("warning: EventStreams es/es-110: spec.strimziOverrides.zookeeper in a eventstreams.ibm.com/v1 resource"),
                run.err());
        assertTrue(run.out().contains("name: es-110-zookeeper-netpol"), run.out());
        assertTrue(run.out().contains("port: 2181"), run.out());
    }

    @Test
    void aNodePortBrokerReachesTheApiServerAsARackAwareOneDoes(@TempDir Path dir) throws IOException {
        String file = "src/test/resources/resources/es-nodeport.yaml";
        CliRun broker = CliRun.run("explain", "--from", "es/np-kafka-0", "--to", "10.96.0.1", "--port", "443", "-f", file);
        assertEquals(0, broker.code(), broker.out() + broker.err());
        assertTrue(broker.out().startsWith("ALLOWED: es/np-kafka-0 -> 10.96.0.1 443/TCP"), broker.out());
        // Strimzi runs the init container on broker nodes only; and without the nodeport listener, nowhere.
        assertEquals(1, CliRun.run("explain", "--from", "es/np-controller-0", "--to", "10.96.0.1", "--port", "443", "-f", file).code());
        Path internal = dir.resolve("internal.yaml");
        Files.writeString(internal, Files.readString(Path.of(file)).replace("type: nodeport", "type: internal"));
        assertEquals(1, CliRun.run("explain", "--from", "es/np-kafka-0", "--to", "10.96.0.1", "--port", "443", "-f", internal.toString()).code());
        assertTrue(documentedFlows(file).contains("kafka[kafka broker](np) -> Kubernetes API server 443"), documentedFlows(file).toString());
        CliRun verify = CliRun.run("verify", "-f", file);
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void migratingControllersReachZooKeeperOnBothSides() {
        String file = "src/test/resources/resources/es-migration.yaml";
        CliRun explain = CliRun.run("explain", "--from", "es/mig-controller-0", "--to", "es/mig-zookeeper-0", "--port", "2181", "-f", file);
        assertEquals(0, explain.code(), explain.out() + explain.err());
        assertTrue(explain.out().contains("egress of es/mig-controller-0: admitted by es/mig-controller-netpol"), explain.out());
        assertTrue(explain.out().contains("ingress of es/mig-zookeeper-0: admitted by es/mig-zookeeper-netpol"), explain.out());
        assertTrue(documentedFlows(file).contains("kafka[controller controller](mig) -> zookeeper(mig) 2181"), documentedFlows(file).toString());
        CliRun verify = CliRun.run("verify", "-f", file);
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    /** The flows verify checks for the installations of {@code file}, as "from -> to port". */
    private static List<String> documentedFlows(String file) {
        try {
            var resources = dev.esnetpol.model.ResourceReader.readAll(dev.esnetpol.input.YamlSources.parse(file, Files.readString(Path.of(file))));
            var generator = new dev.esnetpol.generate.PolicyGenerator(dev.esnetpol.generate.GeneratorOptions.defaults());
            return dev.esnetpol.model.Installations.group(resources, null).stream().flatMap(i -> generator.flows(i).stream())
                    .map(f -> f.from() + " -> " + f.to() + " " + f.port()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void reviewHtmlIntoADirectoryThatDoesNotExistFailsBeforeWritingAnything(@TempDir Path dir) {
        String missing = dir.resolve("no/such/dir/r.html").toString();
        CliRun r = CliRun.run("review", "-f", "examples/eventstreams-quickstart.yaml", "--html", missing);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "no report printed before the error");
        assertTrue(r.err().contains("--html: " + missing + ": directory " + dir.resolve("no/such/dir") + " does not exist"), r.err());
        CliRun intoADirectory = CliRun.run("review", "-f", "examples/eventstreams-quickstart.yaml", "--html", dir.toString());
        assertEquals(2, intoADirectory.code());
        assertTrue(intoADirectory.err().contains("it is a directory"), intoADirectory.err());
        CliRun written = CliRun.run("review", "-f", "examples/eventstreams-quickstart.yaml", "--html", dir.resolve("r.html").toString());
        assertTrue(Files.exists(dir.resolve("r.html")), written.err());
    }

    @Test
    void theOperatorReportsAnUnreachableClusterInOneLine(@TempDir Path dir) throws IOException {
        Path kubeconfig = LiveApiServer.unreachableKubeconfig(dir, null);
        // The log (slf4j-simple writes to System.err as it is at each line) is on the user's stderr too:
        // discovery's warnings came before the error (two WARN ServedVersions lines).
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        CliRun r;
        try {
            System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRun.runWithKubeconfig(kubeconfig, "operator", "--metrics-port", "0");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("error: cannot reach the Kubernetes API server at https://127.0.0.1:1/: connection refused"),
                r.err().lines().toList());
        assertEquals("", logged.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing logged before the one line");
    }
}
