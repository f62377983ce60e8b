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

/**
 * Every row of the ingress and egress tables of {@code event-streams-network-policies.txt}, in the
 * spec's order, as data. This is the one place a port of the spec is written: the generator, the
 * verifier, the review tables and the docs all derive from these two lists.
 */
public final class Catalogue {

    public static final String TCP = "TCP";

    /** The instance-internal ports of the REST components: which one is open depends on internal TLS. */
    public static final int INTERNAL_TLS_PORT = 7443;
    public static final int INTERNAL_PLAIN_PORT = 7080;
    public static final int METRICS_PORT = 9404;
    public static final int JMX_PORT = 9999;
    public static final int REPLICATION_PORT = 9091;
    public static final int BROKER_API_PORT = 8091;

    private static final Condition ALWAYS = Condition.ALWAYS;
    private static final Condition METRICS = new Condition.MetricsEnabled();
    private static final Condition TLS_ON = new Condition.InternalTls(true);
    private static final Condition TLS_OFF = new Condition.InternalTls(false);
    private static final String ANYWHERE_TEXT = "Anywhere";
    private static final String INSTANCE_TEXT = "Any pod in Event Streams instance";
    private static final String LISTENER_TEXT =
            "Anywhere (can be restricted by including networkPolicyPeers in the listener configuration)";

    private static final List<IngressRow> INGRESS = List.of(
            in(KAFKA, "REST API, REST Producer and Schema Registry pods", Origin.pods(ADMIN_API, REST_PRODUCER, SCHEMA_REGISTRY),
                    BROKER_API_PORT, "Broker communication", ALWAYS),
            in(KAFKA, "Kafka, Cluster operator, Entity operator, Kafka Cruise Control and Kafka Exporter pods",
                    Origin.pods(KAFKA, CLUSTER_OPERATOR, ENTITY_OPERATOR, CRUISE_CONTROL, KAFKA_EXPORTER),
                    REPLICATION_PORT, "Broker communication", ALWAYS),
            listener(ListenerKind.PLAIN),
            listener(ListenerKind.TLS),
            listener(ListenerKind.EXTERNAL),
            in(KAFKA, ANYWHERE_TEXT, new Origin.Anywhere(), METRICS_PORT, "Prometheus access to Kafka metrics", METRICS),
            in(KAFKA, ANYWHERE_TEXT, new Origin.Anywhere(), JMX_PORT, "JMX access to Kafka metrics", new Condition.JmxExposed()),

            in(ZOOKEEPER, "Kafka, ZooKeeper, Cluster operator, Entity operator, Kafka Cruise Control pods",
                    Origin.pods(KAFKA, ZOOKEEPER, CLUSTER_OPERATOR, ENTITY_OPERATOR, CRUISE_CONTROL),
                    2181, "ZooKeeper client connections", ALWAYS),
            in(ZOOKEEPER, "Other ZooKeeper pods", Origin.pods(ZOOKEEPER), 2888, "ZooKeeper follower connection to leader", ALWAYS),
            in(ZOOKEEPER, "Other ZooKeeper pods", Origin.pods(ZOOKEEPER), 3888, "ZooKeeper leader election", ALWAYS),
            in(ZOOKEEPER, ANYWHERE_TEXT, new Origin.Anywhere(), METRICS_PORT, "Exported Prometheus metrics", METRICS),

            in(GEO_REPLICATOR, "REST API pods", Origin.pods(ADMIN_API), 8083, "Geo-replicator API traffic", ALWAYS),
            in(GEO_REPLICATOR, "Cluster operator and other geo-replicator pods", Origin.pods(CLUSTER_OPERATOR, GEO_REPLICATOR),
                    8083, "Geo-replicator cluster traffic", ALWAYS),
            in(GEO_REPLICATOR, ANYWHERE_TEXT, new Origin.Anywhere(), METRICS_PORT, "Exported Prometheus metrics", METRICS),

            in(SCHEMA_REGISTRY, ANYWHERE_TEXT, new Origin.Anywhere(), 9443, "External access to API", ALWAYS),
            in(SCHEMA_REGISTRY, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            in(SCHEMA_REGISTRY, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            in(ADMIN_UI, ANYWHERE_TEXT, new Origin.Anywhere(), 3000, "External access to UI", ALWAYS),

            in(ADMIN_API, ANYWHERE_TEXT, new Origin.Anywhere(), 9443, "External access to API", ALWAYS),
            in(ADMIN_API, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            in(ADMIN_API, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            in(REST_PRODUCER, ANYWHERE_TEXT, new Origin.Anywhere(), 9443, "External access to API", ALWAYS),
            in(REST_PRODUCER, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_TLS_PORT, "TLS cluster traffic", TLS_ON),
            in(REST_PRODUCER, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_PLAIN_PORT, "Non-TLS cluster traffic", TLS_OFF),

            in(METRICS_COLLECTOR, ANYWHERE_TEXT, new Origin.Anywhere(), 7888, "Exported Prometheus metrics", ALWAYS),
            in(METRICS_COLLECTOR, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_TLS_PORT, "TLS inbound metrics traffic", TLS_ON),
            in(METRICS_COLLECTOR, INSTANCE_TEXT, new Origin.AnyInstancePod(), INTERNAL_PLAIN_PORT, "Non-TLS inbound metrics traffic", TLS_OFF),

            in(CLUSTER_OPERATOR, ANYWHERE_TEXT, new Origin.Anywhere(), 8080, "Exported Prometheus metrics", ALWAYS),
            in(CLUSTER_OPERATOR, ANYWHERE_TEXT, new Origin.Anywhere(), 8081, "EventStreams custom resource validator", ALWAYS),

            in(CRUISE_CONTROL, "Cluster operator", Origin.pods(CLUSTER_OPERATOR), 9090, "Access to API", ALWAYS),

            in(KAFKA_CONNECT, "Cluster operator and Kafka Connect pods", Origin.pods(CLUSTER_OPERATOR, KAFKA_CONNECT),
                    8083, "Access to Kafka Connect REST API", ALWAYS),
            in(KAFKA_CONNECT, ANYWHERE_TEXT, new Origin.Anywhere(), METRICS_PORT, "Exported Prometheus metrics", METRICS));

    private static final List<EgressRow> EGRESS = List.of(
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

    private Catalogue() {
    }

    public static List<IngressRow> ingress() {
        return INGRESS;
    }

    public static List<EgressRow> egress() {
        return EGRESS;
    }

    public static List<IngressRow> ingressOf(Component component) {
        return INGRESS.stream().filter(r -> r.component() == component).toList();
    }

    public static List<EgressRow> egressOf(Component component) {
        return EGRESS.stream().filter(r -> r.component() == component).toList();
    }

    private static IngressRow in(Component c, String originText, Origin origin, int port, String reason, Condition condition) {
        return new IngressRow(c, TCP, originText, origin, port, reason, condition);
    }

    private static IngressRow listener(ListenerKind kind) {
        return new IngressRow(KAFKA, TCP, LISTENER_TEXT, new Origin.ListenerPeers(), kind.defaultPort(),
                "Kafka access for " + kind.specName() + " listener", new Condition.ListenerEnabled(kind));
    }

    private static EgressRow out(Component c, String destinationText, Component destination, int port, String reason) {
        return new EgressRow(c, TCP, destinationText, destination, port, reason);
    }
}
