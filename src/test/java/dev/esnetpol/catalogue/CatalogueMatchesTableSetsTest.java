package dev.esnetpol.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each table set of the catalogue against its data file ({@code ../shared/spec/versions/tables-*.yaml}), row by
 * row: component, port, protocol, who (the origins, or the destination and its pod labels) and when. The
 * vocabulary of the files is mapped here, independently of the catalogue's own words, so the test can fail.
 */
class CatalogueMatchesTableSetsTest {

    /** The files' component ids. "kafka" as an origin of the KRaft set is any Kafka node pod (the file's own note). */
    private static Map<String, List<String>> components(TableSet set) {
        Map<String, List<String>> m = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("kafka", List.of("KAFKA")), Map.entry("kafka-broker", List.of("KAFKA")),
                Map.entry("kafka-controller", List.of("KAFKA_CONTROLLER")), Map.entry("zookeeper", List.of("ZOOKEEPER")),
                Map.entry("geo-replicator", List.of("GEO_REPLICATOR")), Map.entry("schema-registry", List.of("SCHEMA_REGISTRY")),
                Map.entry("admin-ui", List.of("ADMIN_UI")), Map.entry("admin-api", List.of("ADMIN_API")),
                Map.entry("rest-producer", List.of("REST_PRODUCER")), Map.entry("metrics-collector", List.of("METRICS_COLLECTOR")),
                Map.entry("cluster-operator", List.of("CLUSTER_OPERATOR")), Map.entry("cruise-control", List.of("CRUISE_CONTROL")),
                Map.entry("kafka-connect", List.of("KAFKA_CONNECT")), Map.entry("entity-operator", List.of("ENTITY_OPERATOR")),
                Map.entry("kafka-exporter", List.of("KAFKA_EXPORTER"))));
        if (set == TableSet.KRAFT) {
            m.put("kafka", List.of("KAFKA", "KAFKA_CONTROLLER"));
        }
        return m;
    }

    private static String when(String w) {
        return switch (w) {
            case "always" -> "Always";
            case "listener:plain" -> "If the Plain listener is enabled";
            case "listener:tls" -> "If the TLS listener is enabled";
            case "listener:external" -> "If the External listener is enabled";
            case "kafka-metrics", "zookeeper-metrics", "controller-metrics", "component-metrics" -> "If metrics are enabled";
            case "kafka-jmx" -> "If JMX port is exposed";
            case "internal-tls-on" -> "If internal TLS is enabled";
            case "internal-tls-off" -> "If internal TLS is disabled";
            default -> throw new IllegalArgumentException("unknown condition " + w);
        };
    }

    private static JsonNode read(TableSet set) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(SharedFiles.resolve("spec/versions/tables-" + set.id() + ".yaml").toFile());
    }

    @ParameterizedTest
    @EnumSource(TableSet.class)
    void releasesAreTheFilesVersions(TableSet set) throws IOException {
        List<String> versions = new ArrayList<>();
        read(set).path("versions").forEach(v -> versions.add(v.asText()));
        assertEquals(versions, set.releases());
    }

    @ParameterizedTest
    @EnumSource(TableSet.class)
    void ingressRowsEqualTheFile(TableSet set) throws IOException {
        Map<String, List<String>> ids = components(set);
        List<String> file = new ArrayList<>();
        read(set).path("ingress").fields().forEachRemaining(e -> e.getValue().forEach(row -> {
            TreeSet<String> from = new TreeSet<>();
            row.path("from").forEach(f -> from.addAll(switch (f.asText()) {
                case "anywhere" -> List.of("anywhere");
                case "listener-peers" -> List.of("listener-peers");
                case "instance" -> List.of("instance");
                default -> ids.get(f.asText());
            }));
            file.add(ids.get(e.getKey()).get(0) + " " + row.path("protocol").asText() + "/" + row.path("port").asInt()
                    + " from " + from + " " + when(row.path("when").asText()));
        }));
        List<String> catalogue = new ArrayList<>();
        for (IngressRow r : Catalogue.of(set).ingress()) {
            TreeSet<String> from = new TreeSet<>();
            if (r.origin() instanceof Origin.Anywhere) {
                from.add("anywhere");
            } else if (r.origin() instanceof Origin.ListenerPeers) {
                from.add("listener-peers");
            } else if (r.origin() instanceof Origin.AnyInstancePod) {
                from.add("instance");
            } else {
                ((Origin.Pods) r.origin()).components().forEach(c -> from.add(c.name()));
            }
            catalogue.add(r.component().name() + " " + r.protocol() + "/" + r.port() + " from " + from + " " + r.condition().specText());
        }
        assertEquals(file, catalogue);
    }

    @ParameterizedTest
    @EnumSource(TableSet.class)
    void egressRowsEqualTheFile(TableSet set) throws IOException {
        Map<String, List<String>> ids = components(set);
        List<String> file = new ArrayList<>();
        read(set).path("egress").fields().forEachRemaining(e -> e.getValue().forEach(row -> {
            List<String> labels = new ArrayList<>();
            row.path("to_labels").fields().forEachRemaining(l -> labels.add(l.getKey() + "=" + l.getValue().asText()));
            String to = row.path("to").asText().equals("kafka") ? "KAFKA" : ids.get(row.path("to").asText()).get(0);
            file.add(ids.get(e.getKey()).get(0) + " -> " + to + " [" + String.join(",", labels) + "] TCP/" + row.path("port").asInt());
        }));
        List<String> catalogue = new ArrayList<>();
        for (EgressRow r : Catalogue.of(set).egress()) {
            catalogue.add(r.component().name() + " -> " + r.destination().name() + " [" + r.podLabel() + "] " + r.protocol() + "/" + r.port());
        }
        assertEquals(file, catalogue);
    }
}
