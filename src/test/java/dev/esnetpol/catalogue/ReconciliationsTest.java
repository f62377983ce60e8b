package dev.esnetpol.catalogue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/reconciliations.md lists exactly the egress rows that no ingress row admits. */
class ReconciliationsTest {

    @Test
    void theDocsListEveryReconciliationAndNoOther() throws IOException {
        List<String> computed = Reconciliations.ofCatalogue().stream()
                .map(r -> r.component().specName() + " | " + r.destination().specName() + " | " + r.port() + " | " + r.reason())
                .toList();
        assertEquals(computed, documented());
    }

    @Test
    void fourRowsDisagree() {
        // The spec as of 11.2: the operator's three 7443 rows and the admin API's Kafka Connect row.
        assertEquals(4, Reconciliations.ofCatalogue().size());
    }

    @Test
    void anEgressRowAdmittedByItsDestinationIsNoReconciliation() {
        EgressRow replication = Catalogue.egressOf(Component.KAFKA).get(0);
        assertEquals(List.of(), Reconciliations.of(Catalogue.ingress(), List.of(replication)));
        assertEquals(List.of(replication), Reconciliations.of(List.of(), List.of(replication)));
    }

    private static List<String> documented() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("docs/reconciliations.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Reconciled rows");
            } else if (inSection && line.startsWith("| ") && !line.startsWith("| Source")) {
                String[] cells = line.split("\\|");
                rows.add(cells[1].trim() + " | " + cells[2].trim() + " | " + cells[3].trim() + " | " + cells[4].trim());
            }
        }
        return rows;
    }
}
