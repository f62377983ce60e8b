package dev.esnetpol.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.analyze.Owner;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;

/**
 * How the product names the pods of a group and how many it runs, for the stand-ins of groups without a running
 * pod: Event Streams runs its own components as Deployments ({@code <instance>-ibm-es-admapi}, {@code -ibm-es-ui},
 * {@code -ibm-es-recapi}, {@code -ibm-es-ac-reg}, {@code -ibm-es-metrics}); Strimzi, which it embeds, names Kafka
 * pods {@code <cluster>-kafka-N}, node pool pods {@code <cluster>-<pool>-N}, ZooKeeper {@code <cluster>-zookeeper-N},
 * Kafka Connect {@code <name>-connect-N} and MirrorMaker 2 {@code <name>-mirrormaker2-N} (StrimziPodSets), and its
 * Cruise Control, entity operator and Kafka Exporter Deployments {@code <cluster>-cruise-control},
 * {@code -entity-operator}, {@code -kafka-exporter} (Strimzi documentation, "List of Kafka cluster resources").
 * A stand-in of a Deployment is named {@code <deployment>-N}: its real pods' hashes cannot be known.
 */
final class ProductPods {

    private ProductPods() {
    }

    /** The workload that runs the group's pods: kind and name. */
    static Owner workload(PodGroup g) {
        String o = g.owner();
        return switch (g.component()) {
            case KAFKA, KAFKA_CONTROLLER -> new Owner("StrimziPodSet", o + "-" + (g.pool() != null ? g.pool() : "kafka"));
            case ZOOKEEPER -> new Owner("StrimziPodSet", o + "-zookeeper");
            case KAFKA_CONNECT -> new Owner("StrimziPodSet", o + "-connect");
            case GEO_REPLICATOR -> new Owner("StrimziPodSet", o + "-mirrormaker2");
            case ADMIN_API -> new Owner("Deployment", o + "-ibm-es-admapi");
            case ADMIN_UI -> new Owner("Deployment", o + "-ibm-es-ui");
            case REST_PRODUCER -> new Owner("Deployment", o + "-ibm-es-recapi");
            case SCHEMA_REGISTRY -> new Owner("Deployment", o + "-ibm-es-ac-reg");
            case METRICS_COLLECTOR -> new Owner("Deployment", o + "-ibm-es-metrics");
            case CRUISE_CONTROL -> new Owner("Deployment", o + "-cruise-control");
            case ENTITY_OPERATOR -> new Owner("Deployment", o + "-entity-operator");
            case KAFKA_EXPORTER -> new Owner("Deployment", o + "-kafka-exporter");
            case CLUSTER_OPERATOR -> new Owner("Deployment", Component.CLUSTER_OPERATOR.appName());
        };
    }

    /** The name of stand-in number {@code n} (from 0) of the group. */
    static String podName(PodGroup g, int n) {
        return workload(g).name() + "-" + n;
    }

    /**
     * How many pods the resource runs for the group: the {@code replicas} of its node pool, Kafka or ZooKeeper
     * ({@code spec.strimziOverrides...}), or of a KafkaConnect / KafkaMirrorMaker2 ({@code spec.replicas}); 1 where
     * the resource does not say.
     */
    static int replicas(EventStreamsResource owner, PodGroup g) {
        if (owner == null) {
            return 1;
        }
        JsonNode spec = ResourceReader.mapper().valueToTree(owner).path("spec");
        JsonNode replicas = switch (g.component()) {
            case KAFKA, KAFKA_CONTROLLER -> g.pool() == null ? spec.at("/strimziOverrides/kafka/replicas") : pool(spec, g.pool());
            case ZOOKEEPER -> spec.at("/strimziOverrides/zookeeper/replicas");
            case KAFKA_CONNECT, GEO_REPLICATOR -> spec.path("replicas");
            default -> spec.path(field(g.component())).path("replicas");
        };
        return replicas.canConvertToInt() && replicas.asInt() > 0 ? replicas.asInt() : 1;
    }

    private static JsonNode pool(JsonNode spec, String name) {
        for (JsonNode p : spec.at("/strimziOverrides/nodePools")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("replicas");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The EventStreams spec key of a component of its own (where its replicas would be). */
    private static String field(Component c) {
        return switch (c) {
            case ADMIN_API -> "adminApi";
            case ADMIN_UI -> "adminUI";
            case REST_PRODUCER -> "restProducer";
            case SCHEMA_REGISTRY -> "apicurioRegistry";
            case METRICS_COLLECTOR -> "collector";
            default -> c.appName();
        };
    }
}
