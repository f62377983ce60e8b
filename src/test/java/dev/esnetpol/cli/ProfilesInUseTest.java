package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cases of issue 11 as a user meets them: verdicts that depend on the network plugin, and "anywhere" that is anywhere. */
class ProfilesInUseTest {

    @Test
    void aListenerIpBlockCoveringThePodNetworkIsReportedAsDependingOnThePlugin() {
        CliRun r = CliRun.run("verify", "-f", "src/test/resources/profiles/listener-ipblock-covers-pods.yaml");
        assertEquals(1, r.code(), "never clean: " + r.out());
        assertTrue(r.out().contains("CNI_DEPENDENT es-netpol-probe-elsewhere/probe-elsewhere -> es/ranged-kafka-0  TCP 9093"), r.out());
        assertTrue(r.out().contains("allowed on reference, denied on cilium"), r.out());
        assertTrue(r.out().contains("depend on the network plugin"), r.out());
        CliRun json = CliRun.run("verify", "-f", "src/test/resources/profiles/listener-ipblock-covers-pods.yaml", "-o", "json");
        assertTrue(json.out().contains("\"cniDependent\""), json.out());
    }

    @Test
    void aSinkConnectorReachesAnInClusterDatabaseUnderEveryProfile() {
        for (String profile : new String[] {"reference", "cilium", "np-guard"}) {
            CliRun r = CliRun.run("explain", "--from", "es13/connectors-connect-0", "--to", "data/postgres-0", "--port", "5432",
                    "--profile", profile, "examples/eventstreams-13.0-v1.yaml", "src/test/resources/profiles/database.yaml");
            assertTrue(r.out().startsWith("ALLOWED"), profile + ": " + r.out() + r.err());
        }
        // Narrowed by its annotation to 10.30.0.0/16:5432, the example's Kafka Connect does not reach a database elsewhere.
        CliRun narrowed = CliRun.run("explain", "--from", "es-geo/connectors-connect-0", "--to", "data/postgres-0", "--port", "5432",
                "examples/eventstreams-connect-georep.yaml", "src/test/resources/profiles/database.yaml");
        assertTrue(narrowed.out().startsWith("DENIED"), narrowed.out());
    }
}
