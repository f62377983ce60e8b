package dev.esnetpol.catalogue;

import java.util.List;

import static dev.esnetpol.catalogue.Component.ADMIN_API;
import static dev.esnetpol.catalogue.Component.CLUSTER_OPERATOR;
import static dev.esnetpol.catalogue.Component.CRUISE_CONTROL;
import static dev.esnetpol.catalogue.Component.ENTITY_OPERATOR;
import static dev.esnetpol.catalogue.Component.KAFKA;
import static dev.esnetpol.catalogue.Component.KAFKA_EXPORTER;
import static dev.esnetpol.catalogue.Component.REST_PRODUCER;
import static dev.esnetpol.catalogue.Component.SCHEMA_REGISTRY;
import static dev.esnetpol.catalogue.Component.ZOOKEEPER;

import static dev.esnetpol.catalogue.Catalogue.BROKER_API_PORT;
import static dev.esnetpol.catalogue.Catalogue.JMX_PORT;
import static dev.esnetpol.catalogue.Catalogue.METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.REPLICATION_PORT;
import static dev.esnetpol.catalogue.Rows.ALWAYS;
import static dev.esnetpol.catalogue.Rows.METRICS;
import static dev.esnetpol.catalogue.Rows.anywhere;
import static dev.esnetpol.catalogue.Rows.in;
import static dev.esnetpol.catalogue.Rows.listener;
import static dev.esnetpol.catalogue.Rows.out;

/**
 * The table set of releases 10.1 to 11.7 (ZooKeeper): every row of the ingress and egress tables of
 * {@code event-streams-network-policies.txt} (= {@code versions/tables-10.1-11.7.yaml}), in the page's order.
 */
final class ZooKeeperTables {

    static final List<IngressRow> INGRESS = Rows.concat(List.of(
            in(KAFKA, "REST API, REST Producer and Schema Registry pods", Origin.pods(ADMIN_API, REST_PRODUCER, SCHEMA_REGISTRY),
                    BROKER_API_PORT, "Broker communication", ALWAYS),
            in(KAFKA, "Kafka, Cluster operator, Entity operator, Kafka Cruise Control and Kafka Exporter pods",
                    Origin.pods(KAFKA, CLUSTER_OPERATOR, ENTITY_OPERATOR, CRUISE_CONTROL, KAFKA_EXPORTER),
                    REPLICATION_PORT, "Broker communication", ALWAYS),
            listener(ListenerKind.PLAIN),
            listener(ListenerKind.TLS),
            listener(ListenerKind.EXTERNAL),
            anywhere(KAFKA, METRICS_PORT, "Prometheus access to Kafka metrics", METRICS),
            anywhere(KAFKA, JMX_PORT, "JMX access to Kafka metrics", new Condition.JmxExposed()),

            in(ZOOKEEPER, "Kafka, ZooKeeper, Cluster operator, Entity operator, Kafka Cruise Control pods",
                    Origin.pods(KAFKA, ZOOKEEPER, CLUSTER_OPERATOR, ENTITY_OPERATOR, CRUISE_CONTROL),
                    2181, "ZooKeeper client connections", ALWAYS),
            in(ZOOKEEPER, "Other ZooKeeper pods", Origin.pods(ZOOKEEPER), 2888, "ZooKeeper follower connection to leader", ALWAYS),
            in(ZOOKEEPER, "Other ZooKeeper pods", Origin.pods(ZOOKEEPER), 3888, "ZooKeeper leader election", ALWAYS),
            anywhere(ZOOKEEPER, METRICS_PORT, "Exported Prometheus metrics", METRICS)),
            UnchangedRows.INGRESS);

    static final List<EgressRow> EGRESS = Rows.concat(List.of(
            out(KAFKA, "Kafka", KAFKA, REPLICATION_PORT, "Broker replication"),
            out(KAFKA, "ZooKeeper", ZOOKEEPER, 2181, "ZooKeeper communication"),
            out(ZOOKEEPER, "ZooKeeper", ZOOKEEPER, 2888, "ZooKeeper clustering"),
            out(ZOOKEEPER, "ZooKeeper", ZOOKEEPER, 3888, "ZooKeeper leader elections"),
            UnchangedRows.GEO_REPLICATION,
            out(SCHEMA_REGISTRY, "Kafka", KAFKA, BROKER_API_PORT, "Broker communication"),
            out(ADMIN_API, "Kafka", KAFKA, BROKER_API_PORT, "Broker API traffic"),
            UnchangedRows.ADMIN_API_TO_GEO_REPLICATOR,
            UnchangedRows.ADMIN_API_TO_CONNECT,
            out(REST_PRODUCER, "Kafka", KAFKA, BROKER_API_PORT, "Producer messages"),
            out(CLUSTER_OPERATOR, "Kafka", KAFKA, REPLICATION_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "ZooKeeper", ZOOKEEPER, 2181, "Configuration")),
            UnchangedRows.OPERATOR_TO_COMPONENTS, List.of(
            out(CRUISE_CONTROL, "Kafka", KAFKA, REPLICATION_PORT, "Broker communication"),
            out(CRUISE_CONTROL, "ZooKeeper", ZOOKEEPER, 2181, "ZooKeeper client connections"),
            UnchangedRows.CONNECT_TO_CONNECT));

    private ZooKeeperTables() {
    }
}
