package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka Connect and MirrorMaker2 in namespaces of their own reach the brokers their bootstrap servers name, and nothing more. */
class CrossNamespaceTest {

    private static final String[] FILES = {"examples/eventstreams-kraft-pools.yaml", "examples/eventstreams-production.yaml",
            "src/test/resources/fixtures/cross-namespace.yaml"};

    private static CliRun explain(String from, String to, int port) {
        return CliRun.run("explain", "--from", from, "--to", to, "--port", String.valueOf(port), FILES[0], FILES[1], FILES[2]);
    }

    @Test
    void aKafkaConnectInItsOwnNamespaceReachesItsBootstrapPortOnly() {
        assertTrue(explain("connect/far-connect-0", "es-kraft/pools-kafka-0", 9093).out().startsWith("ALLOWED"));
        CliRun other = explain("connect/far-connect-0", "es-kraft/pools-kafka-0", 9094);
        assertTrue(other.out().startsWith("DENIED"), other.out());
        assertTrue(explain("connect/far-connect-0", "es-prod/production-kafka-0", 9093).out().startsWith("DENIED"),
                "another instance's brokers");
    }

    @Test
    void mirrorMakerReachesEveryClusterItNames() {
        // Let out by its own policy; the production listener on 9093 admits only its networkPolicyPeers (namespace payments).
        CliRun production = explain("mirroring/mirror-mirrormaker2-0", "es-prod/production-kafka-0", 9093);
        assertTrue(production.out().contains("egress of mirroring/mirror-mirrormaker2-0: admitted"), production.out());
        assertTrue(production.out().contains("ingress of es-prod/production-kafka-0: isolated"), production.out());
        assertTrue(explain("mirroring/mirror-mirrormaker2-0", "es-prod/production-kafka-0", 9094).out().startsWith("DENIED"),
                "a port its bootstraps do not name");
        assertTrue(explain("mirroring/mirror-mirrormaker2-0", "es-kraft/pools-kafka-0", 9094).out().startsWith("DENIED"),
                "pools' 9094 admits only its networkPolicyPeers (namespace clients)");
    }

    @Test
    void theInstancesAdminApiReachesTheFarKafkaConnectAndOthersDoNot() {
        assertTrue(explain("es-kraft/pools-ibm-es-admapi-0", "connect/far-connect-0", 8083).out().startsWith("ALLOWED"));
        assertTrue(explain("es-prod/production-ibm-es-admapi-0", "connect/far-connect-0", 8083).out().startsWith("DENIED"));
    }

    @Test
    void verifyCoversTheCrossNamespaceFlowsAndRenderWarnsOfUnknownBootstraps() {
        CliRun verify = CliRun.run("verify", "-f", FILES[0], "-f", FILES[1], "-f", FILES[2]);
        assertEquals(0, verify.code(), verify.out() + verify.err());
        CliRun render = CliRun.run("render", "-f", FILES[2]);
        assertEquals(0, render.code(), render.err());
        assertTrue(render.err().contains("warning: KafkaMirrorMaker2 mirroring/mirror: bootstrap server '10.1.2.3:9093' is not an Event Streams"),
                render.err());
    }
}
