package dev.esnetpol.catalogue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One table set of the product documentation's "Network policies" page as data: every ingress and egress
 * row, in the page's order. This is the one place a documented port is written: the generator, the
 * verifier, the review tables, the webhook's warnings and the docs all derive from these lists.
 * {@link #of(TableSet)} gives the set a release uses; the rows themselves are in {@link ZooKeeperTables}
 * and {@link KRaftTables}.
 */
public final class Catalogue {

    public static final String TCP = "TCP";

    /** The instance-internal ports of the REST components: which one is open depends on internal TLS. */
    public static final int INTERNAL_TLS_PORT = 7443;
    public static final int INTERNAL_PLAIN_PORT = 7080;
    public static final int METRICS_PORT = 9404;
    public static final int JMX_PORT = 9999;
    public static final int REPLICATION_PORT = 9091;
    /** 10.1-11.7 only: the brokers' port for the instance's REST components. */
    public static final int BROKER_API_PORT = 8091;
    /** 11.8-13.0: the controllers' control plane ("Kafka control plane"). */
    public static final int CONTROL_PLANE_PORT = 9090;
    /** 10.1-11.7: ZooKeeper's client port ("ZooKeeper client connections"), which brokers and the operators reach. */
    public static final int ZOOKEEPER_CLIENT_PORT = 2181;
    /** 11.8-13.0: "Kafka readiness metrics" on brokers and controllers (Strimzi's KafkaAgent). */
    public static final int READINESS_PORT = 8443;
    /** The "External access to API" port of the admin API, REST producer and schema registry. */
    public static final int EXTERNAL_API_PORT = 9443;
    /** The metrics collector's "Exported Prometheus metrics" port. */
    public static final int COLLECTOR_METRICS_PORT = 7888;
    /** The cluster operator's "Exported Prometheus metrics" port (its own policy, in deploy/). */
    public static final int OPERATOR_METRICS_PORT = 8080;
    /** The admin UI's "External access to UI" port. */
    public static final int UI_PORT = 3000;
    /** The cluster operator's "EventStreams custom resource validator" port (the validating webhook). */
    public static final int VALIDATOR_PORT = 8081;
    /** The cluster DNS as pods reach it by default (conventions.md: "the cluster DNS (UDP and TCP 53)"). */
    public static final int DNS_PORT = 53;
    /**
     * The Kubernetes API server's ports as pods reach it by default: 443 (the {@code kubernetes} Service) and 6443
     * (the API server itself, where a network plugin sees the translated address).
     */
    public static final java.util.List<Integer> API_SERVER_PORTS = java.util.List.of(443, 6443);

    private static final Map<TableSet, Catalogue> SETS = new EnumMap<>(Map.of(
            TableSet.ZOOKEEPER, new Catalogue(TableSet.ZOOKEEPER, ZooKeeperTables.INGRESS, ZooKeeperTables.EGRESS),
            TableSet.KRAFT, new Catalogue(TableSet.KRAFT, KRaftTables.INGRESS, KRaftTables.EGRESS)));

    private final TableSet tableSet;
    private final List<IngressRow> ingress;
    private final List<EgressRow> egress;

    private Catalogue(TableSet tableSet, List<IngressRow> ingress, List<EgressRow> egress) {
        this.tableSet = tableSet;
        this.ingress = ingress;
        this.egress = egress;
    }

    /** The rows of one table set. */
    public static Catalogue of(TableSet set) {
        return SETS.get(set);
    }

    public TableSet tableSet() {
        return tableSet;
    }

    public List<IngressRow> ingress() {
        return ingress;
    }

    public List<EgressRow> egress() {
        return egress;
    }

    public List<IngressRow> ingressOf(Component component) {
        return ingress.stream().filter(r -> r.component() == component).toList();
    }

    public List<EgressRow> egressOf(Component component) {
        return egress.stream().filter(r -> r.component() == component).toList();
    }

    /**
     * The heading this set's page gives a component's tables, without " pod": the brokers are "Kafka" in
     * 10.1-11.7 and "Kafka broker" in 11.8-13.0 (versions.md, S1 -> S2, ingress 1).
     */
    public String pageName(Component component) {
        if (component == Component.KAFKA && tableSet == TableSet.KRAFT) {
            return "Kafka broker";
        }
        return component.specName();
    }

    /**
     * Whether a row's port stands for the component's REST {@code endpoints} too: each declared
     * {@code endpoints[].containerPort} of the admin API, REST producer and schema registry is opened as their
     * 9443 "External access to API" row is, and the admin UI's as its 3000 "External access to UI" row.
     */
    public static boolean standsForEndpoints(IngressRow row) {
        if (!(row.origin() instanceof Origin.Anywhere)) {
            return false;
        }
        return switch (row.component()) {
            case ADMIN_API, REST_PRODUCER, SCHEMA_REGISTRY -> row.port() == EXTERNAL_API_PORT;
            case ADMIN_UI -> row.port() == UI_PORT;
            default -> false;
        };
    }

    /**
     * The ports of the metrics and readiness rows: Prometheus 9404, JMX 9999, the metrics collector's 7888, the
     * cluster operator's 8080, Kafka readiness 8443. Their rows say "Anywhere"; {@code --metrics-from} narrows them.
     */
    public static final java.util.Set<Integer> SCRAPE_PORTS = java.util.Set.of(METRICS_PORT, JMX_PORT, COLLECTOR_METRICS_PORT, OPERATOR_METRICS_PORT, READINESS_PORT);

    /** Whether a row is one of those a metrics scraper uses and the page opens to anywhere. */
    public static boolean isScrapeRow(IngressRow row) {
        return row.origin() instanceof Origin.Anywhere && SCRAPE_PORTS.contains(row.port());
    }

    /** The egress rows no ingress row of their destination admits (see {@link Reconciliations}). */
    public List<EgressRow> reconciliations() {
        return Reconciliations.of(ingress, egress);
    }
}
