package dev.esnetpol.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pods of an Event Streams installation, with the {@code app.kubernetes.io/name} label that selects
 * them (conventions.md, "Pod labels"). The one place where a component's label value is written.
 */
public enum Component {
    /** The Kafka brokers ("Kafka pod" in 10.1-11.7, "Kafka broker pod" in 11.8-13.0). */
    KAFKA("Kafka", "kafka"),
    /**
     * The KRaft controllers (11.8-13.0: "Kafka controller pod"). They carry {@code app.kubernetes.io/name: kafka}
     * like the brokers and are told apart by {@code eventstreams.ibm.com/controller-role: "true"} (kraft.md).
     */
    KAFKA_CONTROLLER("Kafka controller", "kafka"),
    ZOOKEEPER("ZooKeeper", "zookeeper"),
    GEO_REPLICATOR("Geo-replicator", "kafka-mirror-maker-2"),
    KAFKA_CONNECT("Kafka Connect", "kafka-connect"),
    SCHEMA_REGISTRY("Schema registry", "schema-registry"),
    ADMIN_UI("Administration UI", "admin-ui"),
    ADMIN_API("Administration server", "admin-api"),
    REST_PRODUCER("REST producer server", "rest-producer"),
    METRICS_COLLECTOR("Metrics collector", "metrics"),
    CRUISE_CONTROL("Cruise Control", "cruise-control"),
    ENTITY_OPERATOR("Entity operator", "entity-operator"),
    KAFKA_EXPORTER("Kafka Exporter", "kafka-exporter"),
    CLUSTER_OPERATOR("Cluster operator", "eventstreams-operator");

    private final String specName;
    private final String appName;

    Component(String specName, String appName) {
        this.specName = specName;
        this.appName = appName;
    }

    /** The name the spec's table headings use ("Kafka", "Administration server", ...). */
    public String specName() {
        return specName;
    }

    /** The value of {@code app.kubernetes.io/name} on this component's pods. */
    public String appName() {
        return appName;
    }

    /**
     * True for the cluster operator, which serves every instance from its own namespace and so is
     * reached with a namespace selector rather than the instance's labels.
     */
    public boolean isClusterWide() {
        return this == CLUSTER_OPERATOR;
    }

    /**
     * Kafka Connect and geo-replicator pods are run for resources of their own (KafkaConnect,
     * KafkaMirrorMaker2, EventStreamsGeoReplicator) and carry that resource's name as their instance label.
     */
    public boolean hasOwnResource() {
        return this == KAFKA_CONNECT || this == GEO_REPLICATOR;
    }

    /** The component whose pods carry this {@code app.kubernetes.io/name}; {@code kafka} is {@link #KAFKA}. */
    public static Optional<Component> byAppName(String appName) {
        return Arrays.stream(values()).filter(c -> c.appName.equals(appName)).findFirst();
    }
}
