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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TableSet.class)
    void theDocsListEveryReconciliationAndNoOther(TableSet set) throws IOException {
        Catalogue catalogue = Catalogue.of(set);
        List<String> computed = catalogue.reconciliations().stream()
                .map(r -> catalogue.pageName(r.component()) + " | " + catalogue.pageName(r.destination()) + " | " + r.port() + " | " + r.reason())
                .toList();
        assertEquals(computed, documented(set));
    }

    @Test
    void fourRowsDisagreeIn10_1To11_7() {
        // The operator's three 7443 rows and the admin API's Kafka Connect row (versions.md A1, A2).
        assertEquals(4, Catalogue.of(TableSet.ZOOKEEPER).reconciliations().size());
    }

    @Test
    void nineRowsDisagreeIn11_8To13_0() {
        // A1, A2 carried over; B1 broker -> controller 9090; B2 Cruise Control -> controller 9090; B3 three components -> broker 9091.
        List<EgressRow> rows = Catalogue.of(TableSet.KRAFT).reconciliations();
        assertEquals(9, rows.size());
        assertEquals(2, rows.stream().filter(r -> r.destination() == Component.KAFKA_CONTROLLER && r.port() == 9090).count());
        assertEquals(3, rows.stream().filter(r -> r.destination() == Component.KAFKA && r.port() == 9091).count());
    }

    @Test
    void anEgressRowAdmittedByItsDestinationIsNoReconciliation() {
        Catalogue s1 = Catalogue.of(TableSet.ZOOKEEPER);
        EgressRow replication = s1.egressOf(Component.KAFKA).get(0);
        assertEquals(List.of(), Reconciliations.of(s1.ingress(), List.of(replication)));
        assertEquals(List.of(replication), Reconciliations.of(List.of(), List.of(replication)));
    }

    private static List<String> documented(TableSet set) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("docs/reconciliations.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Reconciled rows, " + set.id());
            } else if (inSection && line.startsWith("| ") && !line.startsWith("| Source")) {
                String[] cells = line.split("\\|");
                rows.add(cells[1].trim() + " | " + cells[2].trim() + " | " + cells[3].trim() + " | " + cells[4].trim());
            }
        }
        return rows;
    }
}
