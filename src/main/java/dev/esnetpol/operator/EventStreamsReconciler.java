package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policies of an Event Streams instance's own components. They depend on its Kafka Connect clusters and
 * geo-replicators too (the admin API reaches them), so changes of those reconcile their instance.
 */
public final class EventStreamsReconciler extends PolicyReconciler<EventStreams> {

    public EventStreamsReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(EventStreams.class, generator, applier, metrics);
    }

    @Override
    protected String componentSelector() {
        return "app.kubernetes.io/component notin (kafka-connect,kafka-mirror-maker-2)";
    }

    @Override
    protected List<Class<? extends EventStreamsResource>> relatedKinds() {
        return List.of(KafkaConnect.class, KafkaMirrorMaker2.class, EventStreamsGeoReplicator.class);
    }

    /**
     * Every instance each Kafka Connect / geo-replicator has belonged to, by uid. The SDK may ask for a mapping
     * more than once per event, so the answer must not depend on having been asked before: a member that moved
     * (its cluster label changed) concerns the instance it left as well, whose admin API policy still names it.
     * A reconcile of an instance that no longer has the member costs nothing when nothing changed.
     */
    private final java.util.Map<String, Set<ResourceID>> instancesOf = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<EventStreams> context) {
        Set<ResourceID> now = Installations.instanceOf(related).map(i -> Set.of(new ResourceID(i, related.getMetadata().getNamespace())))
                .orElse(Set.of());
        String uid = related.getMetadata().getUid();
        if (uid == null) {
            return now;
        }
        Set<ResourceID> all = instancesOf.computeIfAbsent(uid, k -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        all.addAll(now);
        return Set.copyOf(all);
    }

    /** The resources of a kind that belong to an instance: what a change of that instance concerns. */
    static <R extends EventStreamsResource> Set<ResourceID> belongingTo(EventStreamsResource instance,
                                                                       java.util.stream.Stream<R> candidates) {
        String name = instance.getMetadata().getName();
        return candidates.filter(r -> Installations.instanceOf(r).map(name::equals).orElse(false))
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
