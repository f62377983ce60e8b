package dev.esnetpol.catalogue;

/**
 * The words and row builders both table sets share: the page writes "Anywhere", "Any pod in Event Streams
 * instance" and the listener note the same way in every release.
 */
final class Rows {

    static final Condition ALWAYS = Condition.ALWAYS;
    static final Condition METRICS = new Condition.MetricsEnabled();
    static final Condition TLS_ON = new Condition.InternalTls(true);
    static final Condition TLS_OFF = new Condition.InternalTls(false);
    static final String ANYWHERE_TEXT = "Anywhere";
    static final String INSTANCE_TEXT = "Any pod in Event Streams instance";
    static final String LISTENER_TEXT =
            "Anywhere (can be restricted by including networkPolicyPeers in the listener configuration)";

    private Rows() {
    }

    /** The lists one after the other, as one unmodifiable list. */
    @SafeVarargs
    static <T> java.util.List<T> concat(java.util.List<? extends T>... lists) {
        java.util.List<T> out = new java.util.ArrayList<>();
        for (java.util.List<? extends T> l : lists) {
            out.addAll(l);
        }
        return java.util.List.copyOf(out);
    }

    static IngressRow in(Component c, String originText, Origin origin, int port, String reason, Condition condition) {
        return new IngressRow(c, Catalogue.TCP, originText, origin, port, reason, condition);
    }

    static IngressRow anywhere(Component c, int port, String reason, Condition condition) {
        return in(c, ANYWHERE_TEXT, new Origin.Anywhere(), port, reason, condition);
    }

    static IngressRow instance(Component c, int port, String reason, Condition condition) {
        return in(c, INSTANCE_TEXT, new Origin.AnyInstancePod(), port, reason, condition);
    }

    /** The 9092/9093/9094 rows: one configured listener of each kind, on its own port (conventions.md). */
    static IngressRow listener(ListenerKind kind) {
        return new IngressRow(Component.KAFKA, Catalogue.TCP, LISTENER_TEXT, new Origin.ListenerPeers(), kind.defaultPort(),
                "Kafka access for " + kind.specName() + " listener", new Condition.ListenerEnabled(kind));
    }

    /** An egress row whose "Pod Label" column is the destination's {@code app.kubernetes.io/name} alone. */
    static EgressRow out(Component c, String destinationText, Component destination, int port, String reason) {
        return new EgressRow(c, Catalogue.TCP, destinationText, destination, Labels.NAME + "=" + destination.appName(), port, reason);
    }
}
