package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.TableSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueCommandTest {

    /** docs/catalogue.md is the command's output: the docs derive from the catalogue, never the reverse. */
    @Test
    void docsPageIsTheCommandsOutput() throws IOException {
        CliRun r = CliRun.run("catalogue");
        assertEquals(0, r.code(), r.err());
        Path page = Path.of("docs/catalogue.md");
        if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
            Files.writeString(page, r.out());
        }
        assertEquals(Files.readString(page), r.out(), "docs/catalogue.md is stale: ES_NETPOL_UPDATE_GOLDEN=1 mvn test -Dtest=CatalogueCommandTest");
    }

    @Test
    void jsonHasEveryRowOfEverySet() throws IOException {
        CliRun r = CliRun.run("catalogue", "-o", "json");
        JsonNode sets = new ObjectMapper().readTree(r.out()).path("tableSets");
        assertEquals(2, sets.size());
        int[] reconciledPerSet = {4, 9};
        for (int i = 0; i < 2; i++) {
            JsonNode data = sets.get(i);
            Catalogue catalogue = Catalogue.of(TableSet.values()[i]);
            assertEquals(TableSet.values()[i].id(), data.path("tables").asText());
            assertEquals(catalogue.ingress().size(), data.path("ingress").size());
            assertEquals(catalogue.egress().size(), data.path("egress").size());
            long reconciled = 0;
            for (JsonNode e : data.path("egress")) {
                reconciled += e.path("admittedByReconciliation").asBoolean() ? 1 : 0;
            }
            assertEquals(reconciledPerSet[i], reconciled);
        }
        assertTrue(r.out().contains("\"origin\" : \"Any pod in Event Streams instance\""));
    }

    @Test
    void aReleasePrintsTheSetItsDocumentationHas() throws IOException {
        for (String release : new String[] {"11.8", "12.3.1", "13.0", "11.8-13.0"}) {
            JsonNode data = new ObjectMapper().readTree(CliRun.run("catalogue", "--tables", release, "-o", "json").out()).path("tableSets").get(0);
            assertEquals("11.8-13.0", data.path("tables").asText(), release);
        }
        JsonNode old = new ObjectMapper().readTree(CliRun.run("catalogue", "--tables", "10.1", "-o", "json").out()).path("tableSets").get(0);
        assertEquals("10.1-11.7", old.path("tables").asText());
        assertTrue(CliRun.run("catalogue", "--tables", "12.3").out().contains("### Kafka controller pod"));
        CliRun bad = CliRun.run("catalogue", "--tables", "9.9");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'9.9' is not a release from 10.1 to 13.0"), bad.err());
    }

    /**
     * The help's jq example, run as written on the output with and without --tables (one JSON shape); where jq is
     * not installed, the same path is walked in Java.
     */
    @Test
    void theHelpsJqExampleWorksWithAndWithoutTables() throws Exception {
        String help = CliRun.run("catalogue", "--help").out();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("es-netpol catalogue -o json \\| jq '([^']+)'").matcher(help);
        assertTrue(m.find(), help);
        String program = m.group(1);
        assertEquals(".tableSets[].ingress[] | select(.port == 9091)", program, "the Java fallback below walks this path");
        boolean jq = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/jq"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/local/bin/jq"));
        for (String[] args : List.of(new String[] {"catalogue", "-o", "json"}, new String[] {"catalogue", "--tables", "12.3", "-o", "json"})) {
            String json = CliRun.run(args).out();
            List<Integer> ports = new java.util.ArrayList<>();
            if (jq) {
                Process p = new ProcessBuilder("jq", "-c", program + " | .port").start();
                p.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), String.join(" ", args) + ": jq failed: " + new String(p.getErrorStream().readAllBytes()));
                out.lines().forEach(l -> ports.add(Integer.parseInt(l.trim())));
            } else {
                for (JsonNode set : new ObjectMapper().readTree(json).path("tableSets")) {
                    for (JsonNode row : set.path("ingress")) {
                        if (row.path("port").asInt() == 9091) {
                            ports.add(9091);
                        }
                    }
                }
            }
            assertTrue(!ports.isEmpty() && ports.stream().allMatch(p -> p == 9091), String.join(" ", args) + ": " + ports);
        }
    }
}
