package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exposure facts are in every output format of {@code matrix --exposure}. */
class ExposureFormatsTest {

    private static final String CASE = "src/test/resources/exposure/new-pod-selector-and-namespace-selector/input.yaml";
    private static final String PEER = "[namespace with {effect=NoSchedule}]/[pod with {role=monitoring}]";

    @Test
    void jsonGivesEachPeersSelectorsAsData() throws Exception {
        CliRun r = CliRun.run("matrix", "--exposure", "-o", "json", CASE);
        assertEquals(0, r.code(), r.err());
        JsonNode exposure = new ObjectMapper().readTree(r.out()).get("exposure");
        JsonNode in = null;
        for (JsonNode f : exposure) {
            if (f.get("direction").asText().equals("ingress")) {
                in = f;
            }
        }
        assertEquals("hello-world/workload-a[Deployment]", in.get("workload").asText());
        assertEquals(PEER, in.get("peer").asText());
        assertEquals("effect", in.get("namespaceSelector").get(0).get("key").asText());
        assertEquals("In", in.get("namespaceSelector").get(0).get("operator").asText());
        assertEquals("monitoring", in.get("podSelector").get(0).get("values").get(0).asText());
        assertEquals("8050", in.get("ports").get("TCP").asText());
        assertTrue(exposure.get(0).get("entireCluster") != null || exposure.get(0).get("addresses") != null);
    }

    @Test
    void csvMarkdownDotAndTextCarryTheSameFact() {
        String csv = CliRun.run("matrix", "--exposure", "-o", "csv", CASE).out();
        assertTrue(csv.startsWith("source,destination,connections,kind\n"), csv);
        assertTrue(csv.contains("\"" + PEER + "\",\"hello-world/workload-a[Deployment]\",\"TCP 8050\",exposure\n"), csv);
        assertTrue(csv.contains(",connection\n"), csv);
        String md = CliRun.run("matrix", "--exposure", "-o", "markdown", CASE).out();
        assertTrue(md.contains("| `hello-world/workload-a[Deployment]` | `" + PEER + "` | TCP 8050 |"), md);
        String dot = CliRun.run("matrix", "--exposure", "-o", "dot", CASE).out();
        assertTrue(dot.contains("[label=\"" + PEER + "\", shape=box, style=dashed]"), dot);
        assertTrue(dot.matches("(?s).*x\\d+ -> n0 \\[label=\"TCP 8050\", style=dashed\\];.*"), dot);
        assertTrue(dot.trim().endsWith("}"));
        String text = CliRun.run("matrix", "--exposure", CASE).out();
        assertTrue(text.contains("<=  " + PEER + " : TCP 8050"), text);
    }

    @Test
    void withoutTheFlagTheMatrixIsUnchanged() {
        assertEquals(CliRun.run("matrix", "-o", "csv", CASE).out().lines().findFirst().orElseThrow(), "source,destination,connections");
        assertTrue(!CliRun.run("matrix", CASE).out().contains("Exposure"));
    }
}
