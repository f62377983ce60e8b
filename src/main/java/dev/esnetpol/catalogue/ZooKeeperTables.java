package dev.esnetpol.catalogue;

import java.util.List;

import static dev.esnetpol.catalogue.Component.ADMIN_API;
import static dev.esnetpol.catalogue.Component.ADMIN_UI;
import static dev.esnetpol.catalogue.Component.CLUSTER_OPERATOR;
import static dev.esnetpol.catalogue.Component.CRUISE_CONTROL;
import static dev.esnetpol.catalogue.Component.ENTITY_OPERATOR;
import static dev.esnetpol.catalogue.Component.GEO_REPLICATOR;
import static dev.esnetpol.catalogue.Component.KAFKA;
import static dev.esnetpol.catalogue.Component.KAFKA_CONNECT;
import static dev.esnetpol.catalogue.Component.KAFKA_EXPORTER;
import static dev.esnetpol.catalogue.Component.METRICS_COLLECTOR;
import static dev.esnetpol.catalogue.Component.REST_PRODUCER;
import static dev.esnetpol.catalogue.Component.SCHEMA_REGISTRY;
import static dev.esnetpol.catalogue.Component.ZOOKEEPER;

import static dev.esnetpol.catalogue.Catalogue.BROKER_API_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_PLAIN_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_TLS_PORT;
import static dev.esnetpol.catalogue.Catalogue.JMX_PORT;
import static dev.esnetpol.catalogue.Catalogue.METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.REPLICATION_PORT;
import static dev.esnetpol.catalogue.Rows.ALWAYS;
import static dev.esnetpol.catalogue.Rows.METRICS;
import static dev.esnetpol.catalogue.Rows.TLS_OFF;
import static dev.esnetpol.catalogue.Rows.TLS_ON;
import static dev.esnetpol.catalogue.Rows.anywhere;
import static dev.esnetpol.catalogue.Rows.in;
import static dev.esnetpol.catalogue.Rows.instance;
import static dev.esnetpol.catalogue.Rows.listener;
import static dev.esnetpol.catalogue.Rows.out;

/**
 * The table set of releases 10.1 to 11.7 (ZooKeeper): every row of the ingress and egress tables of
 * {@code event-streams-network-policies.txt} (= {@code versions/tables-10.1-11.7.yaml}), in the page's order.
 */
final class ZooKeeperTables {

    static final List<IngressRow> INGRESS = List.of(
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
            anywhere(ZOOKEEPER, METRICS_PORT, "Exported Prometheus metrics", METRICS),

            in(GEO_REPLICATOR, "REST API pods", Origin.pods(ADMIN_API), 8083, "Geo-replicator API traffic", ALWAYS),
            in(GEO_REPLICATOR, "Cluster operator and other geo-replicator pods", Origin.pods(CLUSTER_OPERATOR, GEO_REPLICATOR),
                    8083, "Geo-replicator cluster traffic", ALWAYS),
            anywhere(GEO_REPLICATOR, METRICS_PORT, "Exported Prometheus metrics", METRICS),

            anywhere(SCHEMA_REGISTRY, 9443, "External access to API", ALWAYS),
            instance(SCHEMA_REGISTRY, INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            instance(SCHEMA_REGISTRY, INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            anywhere(ADMIN_UI, 3000, "External access to UI", ALWAYS),

            anywhere(ADMIN_API, 9443, "External access to API", ALWAYS),
            instance(ADMIN_API, INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            instance(ADMIN_API, INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            anywhere(REST_PRODUCER, 9443, "External access to API", ALWAYS),
            instance(REST_PRODUCER, INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            instance(REST_PRODUCER, INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            anywhere(METRICS_COLLECTOR, 7888, "Exported Prometheus metrics", ALWAYS),
            instance(METRICS_COLLECTOR, INTERNAL_TLS_PORT, "TLS inbound metrics traffic", TLS_ON),
            instance(METRICS_COLLECTOR, INTERNAL_PLAIN_PORT, "Non-TLS inbound metrics traffic", TLS_OFF),

            anywhere(CLUSTER_OPERATOR, 8080, "Exported Prometheus metrics", ALWAYS),
            anywhere(CLUSTER_OPERATOR, 8081, "EventStreams custom resource validator", ALWAYS),

            in(CRUISE_CONTROL, "Cluster operator", Origin.pods(CLUSTER_OPERATOR), 9090, "Access to API", ALWAYS),

            in(KAFKA_CONNECT, "Cluster operator and Kafka Connect pods", Origin.pods(CLUSTER_OPERATOR, KAFKA_CONNECT),
                    8083, "Access to Kafka Connect REST API", ALWAYS),
            anywhere(KAFKA_CONNECT, METRICS_PORT, "Exported Prometheus metrics", METRICS));

    static final List<EgressRow> EGRESS = List.of(
            out(KAFKA, "Kafka", KAFKA, REPLICATION_PORT, "Broker replication"),
            out(KAFKA, "ZooKeeper", ZOOKEEPER, 2181, "ZooKeeper communication"),
            out(ZOOKEEPER, "ZooKeeper", ZOOKEEPER, 2888, "ZooKeeper clustering"),
            out(ZOOKEEPER, "ZooKeeper", ZOOKEEPER, 3888, "ZooKeeper leader elections"),
            out(GEO_REPLICATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator cluster traffic"),
            out(SCHEMA_REGISTRY, "Kafka", KAFKA, BROKER_API_PORT, "Broker communication"),
            out(ADMIN_API, "Kafka", KAFKA, BROKER_API_PORT, "Broker API traffic"),
            out(ADMIN_API, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator API traffic"),
            out(ADMIN_API, "Kafka Connect", KAFKA_CONNECT, 8083, "Kafka Connect API traffic"),
            out(REST_PRODUCER, "Kafka", KAFKA, BROKER_API_PORT, "Producer messages"),
            out(CLUSTER_OPERATOR, "Kafka", KAFKA, REPLICATION_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "ZooKeeper", ZOOKEEPER, 2181, "Configuration"),
            out(CLUSTER_OPERATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Kafka Connect", KAFKA_CONNECT, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Admin API", ADMIN_API, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Metrics collector", METRICS_COLLECTOR, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Rest producer", REST_PRODUCER, INTERNAL_TLS_PORT, "Configuration"),
            out(CRUISE_CONTROL, "Kafka", KAFKA, REPLICATION_PORT, "Broker communication"),
            out(CRUISE_CONTROL, "ZooKeeper", ZOOKEEPER, 2181, "ZooKeeper client connections"),
            out(KAFKA_CONNECT, "Kafka Connect", KAFKA_CONNECT, 8083, "Access to Kafka Connect REST API"));

    private ZooKeeperTables() {
    }
}
