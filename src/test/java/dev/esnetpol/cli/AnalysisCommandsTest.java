package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain and matrix from the command line. */
class AnalysisCommandsTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";

    @Test
    void explainAllowedNamesTheRuleOnBothSides() {
        CliRun r = CliRun.run("explain", "--from", "es-prod/production-ibm-es-admapi-0", "--to", "production-kafka-0", "--port", "8091", PRODUCTION);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ALLOWED: es-prod/production-ibm-es-admapi-0 -> es-prod/production-kafka-0 8091/TCP"), r.out());
        assertTrue(r.out().contains("egress of es-prod/production-ibm-es-admapi-0: admitted by es-prod/production-admin-api-netpol egress rule #"));
        assertTrue(r.out().contains("ingress of es-prod/production-kafka-0: admitted by es-prod/production-kafka-netpol ingress rule #1"));
    }

    @Test
    void aNamespaceSnapshotShowsItsRunningPodsOnceAndSynthesizesOnlyWhatIsMissing() {
        String snapshot = "examples/es-prod-namespace";
        CliRun r = CliRun.run("matrix", "--no-render", "-o", "connlist", snapshot);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("es-prod/production-kafka[StatefulSet]"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains("[Pod]")),
                "every pod of the snapshot has an owner: none stands for itself, no synthesized copy: " + r.out());
        // Without the pods file, the resources' pods are synthesized: named and owned as the product names them, as many as the replicas.
        CliRun resourcesOnly = CliRun.run("matrix", "--no-render", "-o", "connlist", snapshot + "/resources.yaml",
                snapshot + "/policies.yaml", snapshot + "/namespaces.yaml");
        assertEquals(0, resourcesOnly.code(), resourcesOnly.err());
        assertTrue(resourcesOnly.out().contains("es-prod/production-kafka[StrimziPodSet]")
                && resourcesOnly.out().contains("es-prod/production-ibm-es-admapi[Deployment]"), resourcesOnly.out());
        // Rendering (no --no-render) replaces the snapshot's installed policies of the same names, as kubectl apply
        // would: each policy counts once.
        CliRun explain = CliRun.run("explain", "--from", "production-kafka-0", "--to", "production-zookeeper-1", "--port", "2181", snapshot);
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("admitted by es-prod/production-kafka-netpol egress rule #2 (peer #1, ports [2181/TCP])\n"), explain.out());
        assertTrue(!explain.out().contains("more") && !explain.out().contains("also"), explain.out());
    }

    @Test
    void explainDeniedNamesTheIsolatingPolicies() {
        CliRun r = CliRun.run("explain", "--from", "production-ibm-es-ui-0", "--to", "production-zookeeper-0", "--port", "2181/tcp", PRODUCTION);
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("DENIED"), r.out());
        assertTrue(r.out().contains(dev.esnetpol.kube.Messages.noRuleAdmits(java.util.List.of("es-prod/production-zookeeper-netpol"), 2181, "TCP")), r.out());
    }

    @Test
    void explainFromOutside() {
        CliRun r = CliRun.run("explain", "--from", "198.51.100.7", "--to", "production-kafka-0", "--port", "9094", PRODUCTION);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("egress of 198.51.100.7: outside the cluster"), r.out());
        CliRun blocked = CliRun.run("explain", "--from", "10.20.99.1", "--to", "production-kafka-0", "--port", "9095", PRODUCTION);
        assertEquals(1, blocked.code(), "10.20.99.0/24 is an except of the scram listener's ipBlock");
    }

    @Test
    void explainRefusesWhatItCannotResolve() {
        assertEquals(2, CliRun.run("explain", "--from", "nobody", "--to", "production-kafka-0", "--port", "80", PRODUCTION).code());
        CliRun badPort = CliRun.run("explain", "--from", "production-kafka-0", "--to", "production-kafka-0", "--port", "80/ICMP", PRODUCTION);
        assertEquals(2, badPort.code());
        assertTrue(badPort.err().contains("--port"), badPort.err());
    }

    @Test
    void matrixFormats() throws IOException {
        CliRun text = CliRun.run("matrix", PRODUCTION);
        assertTrue(text.out().startsWith("SOURCE"), text.out());
        assertTrue(text.out().contains("es-prod/production-ibm-es-admapi[Deployment]"), text.out());
        CliRun md = CliRun.run("matrix", PRODUCTION, "-o", "markdown");
        assertTrue(md.out().startsWith("| Source | Destination | Connections |"));
        JsonNode json = new ObjectMapper().readTree(CliRun.run("matrix", PRODUCTION, "-o", "json").out());
        // The instance's ten pod groups, and the OpenShift router: its route listener makes the inputs OpenShift's.
        assertEquals(11, json.path("workloads").size());
        boolean found = false;
        for (JsonNode c : json.path("connections")) {
            found |= c.path("source").asText().equals("es-prod/production-ibm-es-admapi[Deployment]")
                    && c.path("destination").asText().equals("es-prod/production-kafka[StrimziPodSet]")
                    && c.path("ports").path("TCP").asText().equals("8091");
        }
        assertTrue(found, json.toString());
        assertTrue(CliRun.run("matrix", PRODUCTION, "-o", "csv").out().startsWith("source,destination,connections\n"));
        String dot = CliRun.run("matrix", PRODUCTION, "-o", "dot").out();
        assertTrue(dot.startsWith("digraph connectivity {") && dot.contains("->") && dot.endsWith("}\n"));
    }

    @Test
    void matrixWithoutRenderingShowsAnOpenNamespace() {
        CliRun r = CliRun.run("matrix", PRODUCTION, "--no-render", "-o", "connlist");
        assertTrue(r.out().contains("es-prod/production-ibm-es-ui[Deployment] => es-prod/production-kafka[StrimziPodSet] : All Connections"), r.out());
    }
}
