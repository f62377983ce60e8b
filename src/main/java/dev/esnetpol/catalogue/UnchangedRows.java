package dev.esnetpol.catalogue;

import java.util.List;

import static dev.esnetpol.catalogue.Component.ADMIN_API;
import static dev.esnetpol.catalogue.Component.ADMIN_UI;
import static dev.esnetpol.catalogue.Component.CLUSTER_OPERATOR;
import static dev.esnetpol.catalogue.Component.CRUISE_CONTROL;
import static dev.esnetpol.catalogue.Component.GEO_REPLICATOR;
import static dev.esnetpol.catalogue.Component.KAFKA_CONNECT;
import static dev.esnetpol.catalogue.Component.METRICS_COLLECTOR;
import static dev.esnetpol.catalogue.Component.REST_PRODUCER;
import static dev.esnetpol.catalogue.Component.SCHEMA_REGISTRY;

import static dev.esnetpol.catalogue.Catalogue.COLLECTOR_METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.EXTERNAL_API_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_PLAIN_PORT;
import static dev.esnetpol.catalogue.Catalogue.OPERATOR_METRICS_PORT;
import static dev.esnetpol.catalogue.Catalogue.VALIDATOR_PORT;
import static dev.esnetpol.catalogue.Catalogue.UI_PORT;
import static dev.esnetpol.catalogue.Catalogue.INTERNAL_TLS_PORT;
import static dev.esnetpol.catalogue.Catalogue.METRICS_PORT;
import static dev.esnetpol.catalogue.Rows.ALWAYS;
import static dev.esnetpol.catalogue.Rows.METRICS;
import static dev.esnetpol.catalogue.Rows.TLS_OFF;
import static dev.esnetpol.catalogue.Rows.TLS_ON;
import static dev.esnetpol.catalogue.Rows.anywhere;
import static dev.esnetpol.catalogue.Rows.in;
import static dev.esnetpol.catalogue.Rows.instance;
import static dev.esnetpol.catalogue.Rows.out;

/**
 * The rows that did not change from the 10.1-11.7 table set to the 11.8-13.0 one (versions.md, "S1 -> S2":
 * geo-replicator, schema registry, admin UI, admin API, REST producer, metrics collector, cluster operator, Cruise
 * Control and Kafka Connect ingress; their egress rows but those to Kafka and ZooKeeper), written once for both.
 */
final class UnchangedRows {

    /** Every ingress row from the geo-replicator's to Kafka Connect's, in the page's order. */
    static final List<IngressRow> INGRESS = List.of(
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

            anywhere(METRICS_COLLECTOR, COLLECTOR_METRICS_PORT, "Exported Prometheus metrics", ALWAYS),
            instance(METRICS_COLLECTOR, INTERNAL_TLS_PORT, "TLS inbound metrics traffic", TLS_ON),
            instance(METRICS_COLLECTOR, INTERNAL_PLAIN_PORT, "Non-TLS inbound metrics traffic", TLS_OFF),

            anywhere(CLUSTER_OPERATOR, OPERATOR_METRICS_PORT, "Exported Prometheus metrics", ALWAYS),
            anywhere(CLUSTER_OPERATOR, VALIDATOR_PORT, "EventStreams custom resource validator", ALWAYS),

            in(CRUISE_CONTROL, "Cluster operator", Origin.pods(CLUSTER_OPERATOR), 9090, "Access to API", ALWAYS),

            in(KAFKA_CONNECT, "Cluster operator and Kafka Connect pods", Origin.pods(CLUSTER_OPERATOR, KAFKA_CONNECT),
                    8083, "Access to Kafka Connect REST API", ALWAYS),
            anywhere(KAFKA_CONNECT, METRICS_PORT, "Exported Prometheus metrics", METRICS));

    static final EgressRow GEO_REPLICATION = out(GEO_REPLICATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator cluster traffic");
    static final EgressRow ADMIN_API_TO_GEO_REPLICATOR = out(ADMIN_API, "Geo-replicator", GEO_REPLICATOR, 8083, "Geo-replicator API traffic");
    static final EgressRow ADMIN_API_TO_CONNECT = out(ADMIN_API, "Kafka Connect", KAFKA_CONNECT, 8083, "Kafka Connect API traffic");
    /** The cluster operator's rows to the geo-replicator, Kafka Connect and the REST components, in the page's order. */
    static final List<EgressRow> OPERATOR_TO_COMPONENTS = List.of(
            out(CLUSTER_OPERATOR, "Geo-replicator", GEO_REPLICATOR, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Kafka Connect", KAFKA_CONNECT, 8083, "Configuration"),
            out(CLUSTER_OPERATOR, "Admin API", ADMIN_API, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Metrics collector", METRICS_COLLECTOR, INTERNAL_TLS_PORT, "Configuration"),
            out(CLUSTER_OPERATOR, "Rest producer", REST_PRODUCER, INTERNAL_TLS_PORT, "Configuration"));
    static final EgressRow CONNECT_TO_CONNECT = out(KAFKA_CONNECT, "Kafka Connect", KAFKA_CONNECT, 8083, "Access to Kafka Connect REST API");

    private UnchangedRows() {
    }
}
