package dev.esnetpol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code bootstrapServers} string ({@code host:port,host:port}) read for what it says about Event Streams
 * instances: a host {@code <instance>-kafka-bootstrap}, optionally followed by {@code .<namespace>},
 * {@code .<namespace>.svc} or {@code .<namespace>.svc.<cluster domain>} (Kubernetes service DNS), names that
 * instance's bootstrap service; any other host (an IP, a route, another cluster) names nothing es-netpol knows.
 */
public final class BootstrapServers {

    /** Strimzi's bootstrap service suffix: {@code <cluster>-kafka-bootstrap}. */
    public static final String SUFFIX = "-kafka-bootstrap";

    /**
     * One server of the list.
     *
     * @param host      as written
     * @param port      the port, or null when none was written (Kafka clients then fail; reported by the caller)
     * @param instance  the EventStreams instance the host names, if it names one
     * @param namespace the namespace the host names, if it names one (empty: the client's own namespace)
     */
    public record Server(String host, Integer port, Optional<String> instance, Optional<String> namespace) {
        public boolean namesAnInstance() {
            return instance.isPresent();
        }
    }

    private BootstrapServers() {
    }

    /** The servers of a {@code bootstrapServers} value, in order; empty for null or blank. */
    public static List<Server> parse(String value) {
        List<Server> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String item : value.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String host = entry;
            Integer port = null;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(']') < colon && entry.chars().filter(c -> c == ':').count() == 1) {
                host = entry.substring(0, colon);
                try {
                    port = Integer.parseInt(entry.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = null;
                }
            }
            out.add(server(host, port));
        }
        return out;
    }

    private static Server server(String host, Integer port) {
        String[] labels = host.split("\\.");
        String first = labels[0];
        if (!first.endsWith(SUFFIX) || first.length() == SUFFIX.length()) {
            return new Server(host, port, Optional.empty(), Optional.empty());
        }
        Optional<String> instance = Optional.of(first.substring(0, first.length() - SUFFIX.length()));
        if (labels.length == 1) {
            return new Server(host, port, instance, Optional.empty());
        }
        // <svc>.<ns>, <svc>.<ns>.svc, <svc>.<ns>.svc.<domain...>: anything else is not a service name.
        if (labels.length == 2 || labels[2].equals("svc")) {
            return new Server(host, port, instance, Optional.of(labels[1]));
        }
        return new Server(host, port, Optional.empty(), Optional.empty());
    }
}
