package dev.esnetpol.model;

import dev.esnetpol.catalogue.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups resources into installations. A Kafka Connect or geo-replicator belongs to the EventStreams
 * instance named by its {@code eventstreams.ibm.com/cluster} label (doc, for EventStreamsGeoReplicator),
 * or else by the instance whose bootstrap service it connects to ({@code <instance>-kafka-bootstrap}).
 */
public final class Installations {

    private static final String BOOTSTRAP_SUFFIX = "-kafka-bootstrap";

    private Installations() {
    }

    /**
     * @param namespaceOverride when not null, every resource is taken to be in this namespace
     */
    public static List<Installation> group(List<? extends EventStreamsResource> resources, String namespaceOverride) {
        Map<String, EventStreams> instances = new LinkedHashMap<>();
        Map<String, List<KafkaConnect>> connects = new LinkedHashMap<>();
        Map<String, List<EventStreamsResource>> georeps = new LinkedHashMap<>();
        List<Installation> standalone = new ArrayList<>();
        for (EventStreamsResource r : resources) {
            if (r instanceof EventStreams es) {
                instances.put(key(namespace(es, namespaceOverride), es.getMetadata().getName()), es);
            }
        }
        for (EventStreamsResource r : resources) {
            if (r instanceof EventStreams) {
                continue;
            }
            String ns = namespace(r, namespaceOverride);
            Optional<String> instance = instanceOf(r);
            String key = instance.map(i -> key(ns, i)).orElse(null);
            if (key == null) {
                // Not tied to any instance: it still gets a policy of its own.
                standalone.add(new Installation(r.getMetadata().getName(), ns, Optional.empty(),
                        r instanceof KafkaConnect kc ? List.of(kc) : List.of(), r instanceof KafkaConnect ? List.of() : List.of(r)));
            } else if (r instanceof KafkaConnect kc) {
                connects.computeIfAbsent(key, k -> new ArrayList<>()).add(kc);
            } else {
                georeps.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<Installation> out = new ArrayList<>(standalone);
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(instances.keySet());
        keys.addAll(connects.keySet());
        keys.addAll(georeps.keySet());
        for (String key : keys) {
            String[] parts = key.split("/", 2);
            List<KafkaConnect> kcs = new ArrayList<>(connects.getOrDefault(key, List.of()));
            List<EventStreamsResource> grs = new ArrayList<>(georeps.getOrDefault(key, List.of()));
            kcs.sort(Comparator.comparing(c -> c.getMetadata().getName()));
            grs.sort(Comparator.comparing(c -> c.getMetadata().getName()));
            out.add(new Installation(parts[1], parts[0], Optional.ofNullable(instances.get(key)), kcs, grs));
        }
        out.sort(Comparator.comparing(Installation::namespace).thenComparing(Installation::name));
        return out;
    }

    /** The namespace policies go to: the override, else the resource's own, else "" (kubectl's current). */
    public static String namespace(HasMetadata r, String namespaceOverride) {
        if (namespaceOverride != null && !namespaceOverride.isEmpty()) {
            return namespaceOverride;
        }
        String ns = r.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    /** The EventStreams instance a Kafka Connect or geo-replicator belongs to, when it can be told. */
    public static Optional<String> instanceOf(EventStreamsResource r) {
        Map<String, String> labels = r.getMetadata().getLabels();
        if (labels != null && labels.get(Labels.CLUSTER) != null && !labels.get(Labels.CLUSTER).isEmpty()) {
            return Optional.of(labels.get(Labels.CLUSTER));
        }
        if (r instanceof KafkaConnect kc && kc.getSpec() != null) {
            return fromBootstrap(kc.getSpec().getBootstrapServers());
        }
        if (r instanceof KafkaMirrorMaker2 mm2 && mm2.getSpec() != null && mm2.getSpec().getClusters() != null) {
            String target = mm2.getSpec().getConnectCluster();
            return mm2.getSpec().getClusters().stream()
                    .filter(c -> target == null || target.equals(c.getAlias()))
                    .map(c -> fromBootstrap(c.getBootstrapServers()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    /** {@code my-es-kafka-bootstrap.ns.svc:9093,...} → {@code my-es}. */
    static Optional<String> fromBootstrap(String bootstrapServers) {
        if (bootstrapServers == null) {
            return Optional.empty();
        }
        for (String server : bootstrapServers.split(",")) {
            String host = server.trim();
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
            int dot = host.indexOf('.');
            if (dot >= 0) {
                host = host.substring(0, dot);
            }
            if (host.endsWith(BOOTSTRAP_SUFFIX) && host.length() > BOOTSTRAP_SUFFIX.length()) {
                return Optional.of(host.substring(0, host.length() - BOOTSTRAP_SUFFIX.length()));
            }
        }
        return Optional.empty();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
