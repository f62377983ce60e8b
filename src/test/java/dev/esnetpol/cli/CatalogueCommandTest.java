package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.catalogue.Catalogue;
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
    void jsonHasEveryRow() throws IOException {
        CliRun r = CliRun.run("catalogue", "-o", "json");
        JsonNode data = new ObjectMapper().readTree(r.out());
        assertEquals(Catalogue.ingress().size(), data.path("ingress").size());
        assertEquals(Catalogue.egress().size(), data.path("egress").size());
        long reconciled = 0;
        for (JsonNode e : data.path("egress")) {
            reconciled += e.path("admittedByReconciliation").asBoolean() ? 1 : 0;
        }
        assertEquals(4, reconciled);
        assertTrue(r.out().contains("\"origin\" : \"Any pod in Event Streams instance\""));
    }
}
