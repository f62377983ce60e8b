package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.TableSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            JsonNode data = new ObjectMapper().readTree(CliRun.run("catalogue", "--tables", release, "-o", "json").out());
            assertEquals("11.8-13.0", data.path("tables").asText(), release);
        }
        JsonNode old = new ObjectMapper().readTree(CliRun.run("catalogue", "--tables", "10.1", "-o", "json").out());
        assertEquals("10.1-11.7", old.path("tables").asText());
        assertTrue(CliRun.run("catalogue", "--tables", "12.3").out().contains("### Kafka controller pod"));
        CliRun bad = CliRun.run("catalogue", "--tables", "9.9");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'9.9' is not a release from 10.1 to 13.0"), bad.err());
    }
}
