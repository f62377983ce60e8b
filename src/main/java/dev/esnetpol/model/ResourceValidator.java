package dev.esnetpol.model;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.kube.KubeValidation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks that need the whole resource: names, listeners (ports, clashes, names), internal TLS,
 * {@code networkPolicyPeers}, annotations. Wrong types were already reported while reading.
 */
final class ResourceValidator {

    /** Strimzi's rule for listener names: they become parts of Service and port names. */
    private static final Pattern LISTENER_NAME = Pattern.compile("[a-z0-9]{1,11}");
    private static final Set<String> INTERNAL_TLS = Set.of(SecuritySpec.TLS_DEFAULT, SecuritySpec.NONE);

    private ResourceValidator() {
    }

    static void validate(EventStreamsResource resource, Problems problems) {
        String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            problems.add("metadata.name", "missing name");
        } else if (!KubeValidation.isDnsLabel(name)) {
            problems.add("metadata.name", "'" + name + "' is not a valid name (lowercase letters, digits and '-', at most 63, starting and ending alphanumeric)");
        }
        Map<String, String> annotations = resource.getMetadata() == null ? null : resource.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(ExternalTargets.ANNOTATION)) {
            ExternalTargets.parse(annotations.get(ExternalTargets.ANNOTATION),
                    "metadata.annotations." + ExternalTargets.ANNOTATION, problems::add);
        }
        if (resource instanceof EventStreams es) {
            validate(es, problems);
        } else if (resource instanceof EventStreamsGeoReplicator gr) {
            Map<String, String> labels = gr.getMetadata() == null ? null : gr.getMetadata().getLabels();
            if (labels == null || labels.get(Labels.CLUSTER) == null || labels.get(Labels.CLUSTER).isEmpty()) {
                problems.add("metadata.labels", "missing label " + Labels.CLUSTER + ": it names the EventStreams instance this geo-replicator belongs to");
            }
        }
    }

    private static void validate(EventStreams es, Problems problems) {
        EventStreamsSpec spec = es.getSpec();
        if (spec == null) {
            problems.add("spec", "missing spec");
            return;
        }
        if (spec.getSecurity() != null && spec.getSecurity().getInternalTls() != null
                && !INTERNAL_TLS.contains(spec.getSecurity().getInternalTls())) {
            problems.add("spec.security.internalTls", "'" + spec.getSecurity().getInternalTls() + "' is not a valid value (expected TLSv1.2 or NONE)");
        }
        RestEndpoints.validate(spec, problems);
        StrimziOverrides overrides = spec.getStrimziOverrides();
        if (overrides != null) {
            NodePools.validate(overrides, problems);
        }
        if (overrides == null || overrides.getKafka() == null || overrides.getKafka().getListeners() == null) {
            return;
        }
        validateListeners(overrides.getKafka().getListeners(), problems);
    }

    private static void validateListeners(Listeners listeners, Problems problems) {
        listeners.unreadable().forEach(p -> problems.add(p[0], p[1]));
        Set<Integer> reserved = kafkaOwnPorts();
        Map<Integer, String> portOwner = new HashMap<>();
        Map<String, String> nameOwner = new HashMap<>();
        for (Listener l : listeners.all()) {
            String at = l.path();
            if (listeners.form() == Listeners.Form.LIST) {
                if (l.getName() == null || l.getName().isEmpty()) {
                    problems.add(at + ".name", "missing listener name");
                } else if (!LISTENER_NAME.matcher(l.getName()).matches()) {
                    problems.add(at + ".name", "'" + l.getName() + "' is not a valid listener name (1 to 11 lowercase letters or digits)");
                } else if (nameOwner.putIfAbsent(l.getName(), at) != null) {
                    problems.add(at + ".name", "listener name '" + l.getName() + "' is already used at " + nameOwner.get(l.getName()));
                }
                if (l.getType() == null) {
                    problems.add(at + ".type", "missing listener type (one of " + sorted(Listener.TYPES) + ")");
                } else if (!Listener.TYPES.contains(l.getType())) {
                    problems.add(at + ".type", "unknown listener type '" + l.getType() + "' (expected one of " + sorted(Listener.TYPES) + ")");
                }
            } else if (l.getType() != null && !Listener.TYPES.contains(l.getType())) {
                problems.add(at + ".type", "unknown listener type '" + l.getType() + "' (expected one of " + sorted(Listener.TYPES) + ")");
            }
            Integer port = l.getPort();
            if (port == null) {
                // A wrong-typed port was already reported while reading; only report the truly absent one.
                if (listeners.form() == Listeners.Form.LIST && !alreadyReported(problems, at + ".port")) {
                    problems.add(at + ".port", "missing listener port, or not a whole number");
                }
            } else if (port < 1 || port > 65535) {
                problems.add(at + ".port", dev.esnetpol.kube.Messages.portOutOfRange(port));
            } else if (reserved.contains(port)) {
                problems.add(at + ".port", "port " + port + " is used by Kafka itself (" + reservedReason(port) + "); choose another");
            } else if (port < FIRST_LISTENER_PORT) {
                // Strimzi, whose listeners Event Streams uses, keeps the ports below 9092 for the broker's own use.
                problems.add(at + ".port", "port " + port + " is below 9092: listener ports must be 9092 or higher");
            } else if (portOwner.putIfAbsent(port, at) != null) {
                problems.add(at + ".port", "port " + port + " is already used by the listener at " + portOwner.get(port));
            }
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers = l.getNetworkPolicyPeers();
            if (peers != null) {
                for (int i = 0; i < peers.size(); i++) {
                    KubeValidation.validatePeer(peers.get(i), at + ".networkPolicyPeers[" + i + "]", problems::add);
                }
            }
        }
    }

    private static boolean alreadyReported(Problems problems, String path) {
        return problems.list().stream().anyMatch(p -> p.path().equals(path));
    }

    /** The lowest port a listener may use (Strimzi's rule: below it are the broker's internal ports). */
    static final int FIRST_LISTENER_PORT = 9092;

    /**
     * Ports a documented table set gives Kafka nodes for their own traffic (every broker and controller row
     * but the listeners'), in every table set: a listener on one of them clashes whichever release runs.
     */
    private static Set<Integer> kafkaOwnPorts() {
        return kafkaOwnRows().map(IngressRow::port).collect(Collectors.toSet());
    }

    private static String reservedReason(int port) {
        return kafkaOwnRows()
                .filter(r -> r.port() == port)
                .map(IngressRow::reason)
                .filter(Objects::nonNull)
                .findFirst().orElse("reserved");
    }

    private static java.util.stream.Stream<IngressRow> kafkaOwnRows() {
        return java.util.Arrays.stream(TableSet.values()).map(Catalogue::of)
                .flatMap(c -> java.util.stream.Stream.concat(c.ingressOf(Component.KAFKA).stream(),
                        c.ingressOf(Component.KAFKA_CONTROLLER).stream()))
                .filter(r -> !(r.origin() instanceof Origin.ListenerPeers));
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
