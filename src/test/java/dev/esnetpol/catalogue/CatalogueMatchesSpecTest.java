package dev.esnetpol.catalogue;

import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the catalogue back into the spec's tables and compares them, row by row and cell by cell,
 * with the tables read from {@code ../shared/spec/event-streams-network-policies.txt}.
 */
class CatalogueMatchesSpecTest {

    private static final Catalogue S1 = Catalogue.of(TableSet.ZOOKEEPER);
    private static List<SpecTables.Table> tables;

    @BeforeAll
    static void readSpec() throws IOException {
        tables = SpecTables.read(SharedFiles.resolve("spec/event-streams-network-policies.txt"));
    }

    @Test
    void specHasTheTablesThisTestExpects() {
        assertEquals(11, tables.stream().filter(t -> t.section().equals("ingress")).count(), "ingress tables");
        assertEquals(9, tables.stream().filter(t -> t.section().equals("egress")).count(), "egress tables");
        assertEquals(List.of("Type", "Origin", "Port", "Reason", "Enabled in policy"), tables.get(0).header());
    }

    @Test
    void ingressRowsEqualTheSpecIngressTables() {
        assertSameRows(specRows("ingress"), catalogueIngressRows());
    }

    @Test
    void egressRowsEqualTheSpecEgressTables() {
        assertSameRows(specRows("egress"), catalogueEgressRows());
    }

    @Test
    void everyComponentTableOfTheSpecIsACatalogueComponent() {
        for (SpecTables.Table t : tables) {
            assertTrue(Arrays.stream(Component.values()).anyMatch(c -> (c.specName() + " pod").equals(t.heading())),
                    "no component for spec table '" + t.heading() + "'");
        }
    }

    /** The structured origins agree with the spec's words, read with a phrase book independent of the catalogue. */
    @Test
    void podOriginsNameTheComponentsTheSpecNames() {
        Map<String, Component> phrases = Map.ofEntries(
                Map.entry("REST API", Component.ADMIN_API), Map.entry("REST Producer", Component.REST_PRODUCER),
                Map.entry("Schema Registry", Component.SCHEMA_REGISTRY), Map.entry("Kafka", Component.KAFKA),
                Map.entry("Cluster operator", Component.CLUSTER_OPERATOR), Map.entry("Entity operator", Component.ENTITY_OPERATOR),
                Map.entry("Kafka Cruise Control", Component.CRUISE_CONTROL), Map.entry("Kafka Exporter", Component.KAFKA_EXPORTER),
                Map.entry("ZooKeeper", Component.ZOOKEEPER), Map.entry("geo-replicator", Component.GEO_REPLICATOR),
                Map.entry("Kafka Connect", Component.KAFKA_CONNECT));
        int checked = 0;
        for (IngressRow row : S1.ingress()) {
            if (row.origin() instanceof Origin.Pods pods) {
                String text = row.originText().replaceFirst(" pods$", "").replaceFirst("^Other ", "").replace("other ", "");
                Set<Component> named = EnumSet.noneOf(Component.class);
                for (String phrase : text.split(", | and ")) {
                    Component c = phrases.get(phrase.trim());
                    assertTrue(c != null, "unknown phrase '" + phrase + "' in '" + row.originText() + "'");
                    named.add(c);
                }
                assertEquals(named, pods.components(), row.label());
                checked++;
            } else if (row.origin() instanceof Origin.AnyInstancePod) {
                assertEquals("Any pod in Event Streams instance", row.originText());
            } else if (row.origin() instanceof Origin.Anywhere) {
                assertEquals("Anywhere", row.originText());
            } else {
                assertTrue(row.originText().startsWith("Anywhere (can be restricted by including networkPolicyPeers"));
            }
        }
        assertEquals(9, checked);
    }

    @Test
    void egressPodLabelsAreTheDestinationsOwnLabels() {
        for (EgressRow row : S1.egress()) {
            assertEquals(Labels.NAME + "=" + row.destination().appName(), row.podLabel());
        }
    }

    /** Row by row, so a failure names the first row that differs instead of printing both tables. */
    private static void assertSameRows(List<String> spec, List<String> catalogue) {
        for (int i = 0; i < Math.min(spec.size(), catalogue.size()); i++) {
            assertEquals(spec.get(i), catalogue.get(i), "row " + (i + 1) + " (spec first, catalogue second)");
        }
        assertEquals(spec.size(), catalogue.size(), "rows in the spec vs rows in the catalogue; spec: " + spec + " catalogue: " + catalogue);
    }

    private static List<String> specRows(String section) {
        List<String> out = new ArrayList<>();
        for (SpecTables.Table t : tables) {
            if (t.section().equals(section)) {
                t.rows().forEach(r -> out.add(t.heading() + " | " + String.join(" | ", r)));
            }
        }
        return out;
    }

    /** Each catalogue row in the spec's words, grouped under its component in the spec's table order. */
    private static List<String> catalogueIngressRows() {
        List<String> out = new ArrayList<>();
        for (Component c : specOrder("ingress")) {
            for (IngressRow r : S1.ingressOf(c)) {
                out.add(c.specName() + " pod | " + r.protocol() + " | " + r.originText() + " | " + r.port() + " | "
                        + r.reason() + " | " + r.condition().specText());
            }
        }
        return out;
    }

    private static List<String> catalogueEgressRows() {
        List<String> out = new ArrayList<>();
        for (Component c : specOrder("egress")) {
            for (EgressRow r : S1.egressOf(c)) {
                out.add(c.specName() + " pod | " + r.protocol() + " | " + r.destinationText() + " | " + r.podLabel() + " | "
                        + r.port() + " | " + r.reason());
            }
        }
        return out;
    }

    private static List<Component> specOrder(String section) {
        List<Component> order = new ArrayList<>();
        for (SpecTables.Table t : tables) {
            if (t.section().equals(section)) {
                Arrays.stream(Component.values()).filter(c -> (c.specName() + " pod").equals(t.heading())).forEach(order::add);
            }
        }
        // Components the catalogue has rows for but the spec has no table for would be lost here: add them
        // at the end so the comparison shows them as extra rows.
        for (Component c : Component.values()) {
            boolean hasRows = section.equals("ingress") ? !S1.ingressOf(c).isEmpty() : !S1.egressOf(c).isEmpty();
            if (hasRows && !order.contains(c)) {
                order.add(c);
            }
        }
        return order;
    }
}
