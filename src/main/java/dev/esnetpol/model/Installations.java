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
            // A resource whose instance lives in another namespace gets its policy in its own namespace, alone.
            Optional<String> instance = remoteNamespace(r).isPresent() ? Optional.empty() : instanceOf(r);
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
        return BootstrapServers.parse(bootstrapServers).stream().map(BootstrapServers.Server::instance)
                .flatMap(Optional::stream).findFirst();
    }

    /**
     * The namespace of the instance a Kafka Connect or KafkaMirrorMaker2 connects to, when its bootstrap host
     * names one other than the resource's own ({@code demo-kafka-bootstrap.streams.svc:9093} from namespace
     * {@code connect} → {@code streams}); empty when it is the resource's own namespace or not said.
     */
    public static Optional<String> remoteNamespace(EventStreamsResource r) {
        String own = namespace(r, null);
        return bootstrapServers(r).stream().filter(BootstrapServers.Server::namesAnInstance)
                .map(BootstrapServers.Server::namespace).flatMap(Optional::stream)
                .filter(ns -> !ns.equals(own)).findFirst();
    }

    /** Every bootstrap server a Kafka Connect or KafkaMirrorMaker2 names (all MM2 clusters); empty for others. */
    public static List<BootstrapServers.Server> bootstrapServers(EventStreamsResource r) {
        if (r instanceof KafkaConnect kc && kc.getSpec() != null) {
            return BootstrapServers.parse(kc.getSpec().getBootstrapServers());
        }
        if (r instanceof KafkaMirrorMaker2 mm2 && mm2.getSpec() != null && mm2.getSpec().getClusters() != null) {
            return mm2.getSpec().getClusters().stream().filter(java.util.Objects::nonNull)
                    .flatMap(c -> BootstrapServers.parse(c.getBootstrapServers()).stream()).toList();
        }
        return List.of();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
