package dev.esnetpol.catalogue;

/**
 * When a catalogue row applies: the spec's "Enabled in policy" column as data. {@link #specText()}
 * renders it back in the spec's words, which the catalogue test compares with the spec itself.
 */
public sealed interface Condition {

    String specText();

    /** Whether the row applies to an installation with these features. */
    boolean holds(Features features);

    record Always() implements Condition {
        public String specText() {
            return "Always";
        }

        public boolean holds(Features f) {
            return true;
        }
    }

    record ListenerEnabled(ListenerKind listener) implements Condition {
        public String specText() {
            return "If the " + listener.specName() + " listener is enabled";
        }

        public boolean holds(Features f) {
            return true; // a listener row is resolved per configured listener, see FlowResolver
        }
    }

    record MetricsEnabled() implements Condition {
        public String specText() {
            return "If metrics are enabled";
        }

        public boolean holds(Features f) {
            return f.metrics();
        }
    }

    record JmxExposed() implements Condition {
        public String specText() {
            return "If JMX port is exposed";
        }

        public boolean holds(Features f) {
            return f.jmx();
        }
    }

    record InternalTls(boolean enabled) implements Condition {
        public String specText() {
            return "If internal TLS is " + (enabled ? "enabled" : "disabled");
        }

        public boolean holds(Features f) {
            return f.internalTls() == enabled;
        }
    }

    /**
     * The switches a component's conditions read. One per component pod group: metrics of Kafka and of
     * ZooKeeper are enabled separately, internal TLS is the instance's.
     */
    record Features(boolean metrics, boolean jmx, boolean internalTls) {
    }

    Condition ALWAYS = new Always();
}
