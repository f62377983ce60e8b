package dev.esnetpol.catalogue;

import java.util.List;

import static dev.esnetpol.catalogue.Catalogue.CONTROL_PLANE_PORT;
import static dev.esnetpol.catalogue.Catalogue.EXTERNAL_API_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_PLAIN_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_TLS_PORT;
import static dev.esnetpol.catalogue.Catalogue.JMX_PORT;
import static dev.esnetpol.catalogue.Catalogue.METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.READINESS_PORT;
import static dev.esnetpol.catalogue.Catalogue.REPLICATION_PORT;
import static dev.esnetpol.catalogue.Catalogue.TCP;
import static dev.esnetpol.catalogue.Catalogue.UI_PORT;
import static dev.esnetpol.catalogue.Component.ADMIN_API;
import static dev.esnetpol.catalogue.Component.ADMIN_UI;
import static dev.esnetpol.catalogue.Component.CLUSTER_OPERATOR;
import static dev.esnetpol.catalogue.Component.CRUISE_CONTROL;
import static dev.esnetpol.catalogue.Component.ENTITY_OPERATOR;
import static dev.esnetpol.catalogue.Component.GEO_REPLICATOR;
import static dev.esnetpol.catalogue.Component.KAFKA;
import static dev.esnetpol.catalogue.Component.KAFKA_CONNECT;
import static dev.esnetpol.catalogue.Component.KAFKA_CONTROLLER;
import static dev.esnetpol.catalogue.Component.KAFKA_EXPORTER;
import static dev.esnetpol.catalogue.Component.METRICS_COLLECTOR;
import static dev.esnetpol.catalogue.Component.REST_PRODUCER;
import static dev.esnetpol.catalogue.Component.SCHEMA_REGISTRY;
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
 * The table set of releases 11.8 to 13.0 (KRaft only): every row of {@code versions/tables-11.8-13.0.yaml},
 * in the page's order. {@link Component#KAFKA} is the "Kafka broker" pod here.
 *
 * <p>"Kafka" as an origin of the broker's 9091 row kept its ZooKeeper-era wording and names no role; the
 * page's broker and controller rows both use {@code app.kubernetes.io/name=kafka}, so it reads as any Kafka
 * node pod, broker or controller (the YAML's own reading of the row).
 */
final class KRaftTables {

    private static final String BROKER_LABEL = Labels.NAME + "=kafka," + Labels.BROKER_ROLE + "=true";
    private static final String CONTROLLER_LABEL = Labels.NAME + "=kafka," + Labels.CONTROLLER_ROLE + "=true";

    static final List<IngressRow> INGRESS = List.of(
            anywhere(KAFKA, READINESS_PORT, "Kafka readiness metrics", ALWAYS),
            in(KAFKA, "Kafka, Cluster operator, Entity operator, Kafka Cruise Control and Kafka Exporter pods",
                    Origin.pods(KAFKA, KAFKA_CONTROLLER, CLUSTER_OPERATOR, ENTITY_OPERATOR, CRUISE_CONTROL, KAFKA_EXPORTER),
                    REPLICATION_PORT, "Broker communication", ALWAYS),
            listener(ListenerKind.PLAIN),
            listener(ListenerKind.TLS),
            listener(ListenerKind.EXTERNAL),
            anywhere(KAFKA, METRICS_PORT, "Prometheus access to Kafka metrics", METRICS),
            anywhere(KAFKA, JMX_PORT, "JMX access to Kafka metrics", new Condition.JmxExposed()),

            anywhere(KAFKA_CONTROLLER, READINESS_PORT, "Kafka readiness metrics", ALWAYS),
            in(KAFKA_CONTROLLER, "Other controllers pods", Origin.pods(KAFKA_CONTROLLER), CONTROL_PLANE_PORT,
                    "Kafka control plane", ALWAYS),
            anywhere(KAFKA_CONTROLLER, METRICS_PORT, "Exported Prometheus metrics", METRICS),

            in(GEO_REPLICATOR, "REST API pods", Origin.pods(ADMIN_API), 8083, "Geo-replicator API traffic", ALWAYS),
            in(GEO_REPLICATOR, "Cluster operator and other geo-replicator pods", Origin.pods(CLUSTER_OPERATOR, GEO_REPLICATOR),
                    8083, "Geo-replicator cluster traffic", ALWAYS),
            anywhere(GEO_REPLICATOR, METRICS_PORT, "Exported Prometheus metrics", METRICS),

            anywhere(SCHEMA_REGISTRY, EXTERNAL_API_PORT, "External access to API", ALWAYS),
            instance(SCHEMA_REGISTRY, INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            instance(SCHEMA_REGISTRY, INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            anywhere(ADMIN_UI, UI_PORT, "External access to UI", ALWAYS),

            anywhere(ADMIN_API, EXTERNAL_API_PORT, "External access to API", ALWAYS),
            instance(ADMIN_API, INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            instance(ADMIN_API, INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            anywhere(REST_PRODUCER, EXTERNAL_API_PORT, "External access to API", ALWAYS),
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
            toController(KAFKA, "Controller communication"),
            toBroker(KAFKA, "Broker replication"),
            toController(KAFKA_CONTROLLER, "Controller communication"),
            out(GEO_REPLICATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator cluster traffic"),
            toBroker(SCHEMA_REGISTRY, "Broker communication"),
            toBroker(ADMIN_API, "Broker API traffic"),
            out(ADMIN_API, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator API traffic"),
            out(ADMIN_API, "Kafka Connect", KAFKA_CONNECT, 8083, "Kafka Connect API traffic"),
            toBroker(REST_PRODUCER, "Producer messages"),
            toBroker(CLUSTER_OPERATOR, "Configuration"),
            out(CLUSTER_OPERATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Kafka Connect", KAFKA_CONNECT, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Admin API", ADMIN_API, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Metrics collector", METRICS_COLLECTOR, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Rest producer", REST_PRODUCER, INTERNAL_TLS_PORT, "Configuration"),
            toBroker(CRUISE_CONTROL, "Broker communication"),
            toController(CRUISE_CONTROL, "Controller communication"),
            out(KAFKA_CONNECT, "Kafka Connect", KAFKA_CONNECT, 8083, "Access to Kafka Connect REST API"));

    private KRaftTables() {
    }

    private static EgressRow toBroker(Component from, String reason) {
        return new EgressRow(from, TCP, "Kafka broker", KAFKA, BROKER_LABEL, REPLICATION_PORT, reason);
    }

    private static EgressRow toController(Component from, String reason) {
        return new EgressRow(from, TCP, "Kafka controller", KAFKA_CONTROLLER, CONTROLLER_LABEL, CONTROL_PLANE_PORT, reason);
    }
}
