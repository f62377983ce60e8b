package dev.esnetpol.analyze;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unions and intersections by id equal those of the sets, below and past the exact memo's limit (the bounded cache). */
class ConnectionsTableTest {

    @Test
    void operationsByIdAreTheOperationsOnTheSets() {
        ConnectionsTable table = new ConnectionsTable();
        // 3,000 distinct sets: TCP ranges [p, p + 3] and UDP single ports, so unions and intersections make more.
        for (int p = 1; p <= 1500; p++) {
            table.id(Connections.of("TCP", PortSet.range(p, p + 3)));
            table.id(Connections.of("UDP", PortSet.range(p, p)));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int a = random.nextInt(table.size());
            int b = random.nextInt(table.size());
            boolean union = random.nextBoolean();
            Connections expected = union ? table.get(a).union(table.get(b)) : table.get(a).intersect(table.get(b));
            int id = union ? table.union(a, b) : table.intersect(a, b);
            assertEquals(expected, table.get(id), (union ? "union " : "intersection ") + a + ", " + b);
            assertEquals(id, table.id(expected), "one id per distinct set");
        }
    }
}
