package dev.esnetpol.catalogue;

/**
 * The three Kafka listeners of the spec's Kafka table (9092, 9093, 9094). A list-form listener is
 * classed by what it is: an external type (route, loadbalancer, nodeport, ingress) is EXTERNAL,
 * otherwise TLS when {@code tls: true}, else PLAIN.
 */
public enum ListenerKind {
    PLAIN("plain", "Plain", 9092),
    TLS("tls", "TLS", 9093),
    EXTERNAL("external", "External", 9094);

    private final String mapKey;
    private final String specName;
    private final int defaultPort;

    ListenerKind(String mapKey, String specName, int defaultPort) {
        this.mapKey = mapKey;
        this.specName = specName;
        this.defaultPort = defaultPort;
    }

    /** The key of this listener in the older map form of {@code listeners}. */
    public String mapKey() {
        return mapKey;
    }

    public String specName() {
        return specName;
    }

    /** The port of the map form, and of the spec's table row. */
    public int defaultPort() {
        return defaultPort;
    }
}
