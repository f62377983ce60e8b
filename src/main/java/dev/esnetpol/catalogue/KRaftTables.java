package dev.esnetpol.catalogue;

import java.util.List;

import static dev.esnetpol.catalogue.Catalogue.CONTROL_PLANE_PORT;
import static dev.esnetpol.catalogue.Catalogue.JMX_PORT;
import static dev.esnetpol.catalogue.Catalogue.METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.READINESS_PORT;
import static dev.esnetpol.catalogue.Catalogue.REPLICATION_PORT;
import static dev.esnetpol.catalogue.Catalogue.TCP;
import static dev.esnetpol.catalogue.Component.ADMIN_API;
import static dev.esnetpol.catalogue.Component.CLUSTER_OPERATOR;
import static dev.esnetpol.catalogue.Component.CRUISE_CONTROL;
import static dev.esnetpol.catalogue.Component.ENTITY_OPERATOR;
import static dev.esnetpol.catalogue.Component.KAFKA;
import static dev.esnetpol.catalogue.Component.KAFKA_CONTROLLER;
import static dev.esnetpol.catalogue.Component.KAFKA_EXPORTER;
import static dev.esnetpol.catalogue.Component.REST_PRODUCER;
import static dev.esnetpol.catalogue.Component.SCHEMA_REGISTRY;
import static dev.esnetpol.catalogue.Rows.ALWAYS;
import static dev.esnetpol.catalogue.Rows.METRICS;
import static dev.esnetpol.catalogue.Rows.anywhere;
import static dev.esnetpol.catalogue.Rows.in;
import static dev.esnetpol.catalogue.Rows.listener;

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

    static final List<IngressRow> INGRESS = Rows.concat(List.of(
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
            anywhere(KAFKA_CONTROLLER, METRICS_PORT, "Exported Prometheus metrics", METRICS)),
            UnchangedRows.INGRESS);

    static final List<EgressRow> EGRESS = Rows.concat(List.of(
            toController(KAFKA, "Controller communication"),
            toBroker(KAFKA, "Broker replication"),
            toController(KAFKA_CONTROLLER, "Controller communication"),
            UnchangedRows.GEO_REPLICATION,
            toBroker(SCHEMA_REGISTRY, "Broker communication"),
            toBroker(ADMIN_API, "Broker API traffic"),
            UnchangedRows.ADMIN_API_TO_GEO_REPLICATOR,
            UnchangedRows.ADMIN_API_TO_CONNECT,
            toBroker(REST_PRODUCER, "Producer messages"),
            toBroker(CLUSTER_OPERATOR, "Configuration")),
            UnchangedRows.OPERATOR_TO_COMPONENTS, List.of(
            toBroker(CRUISE_CONTROL, "Broker communication"),
            toController(CRUISE_CONTROL, "Controller communication"),
            UnchangedRows.CONNECT_TO_CONNECT));

    private KRaftTables() {
    }

    private static EgressRow toBroker(Component from, String reason) {
        return new EgressRow(from, TCP, "Kafka broker", KAFKA, BROKER_LABEL, REPLICATION_PORT, reason);
    }

    private static EgressRow toController(Component from, String reason) {
        return new EgressRow(from, TCP, "Kafka controller", KAFKA_CONTROLLER, CONTROLLER_LABEL, CONTROL_PLANE_PORT, reason);
    }
}
