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

    private final boolean geoReplicators;
    private final List<ClusterPolicyKinds.Kind> clusterPolicyKinds;

    public EventStreamsReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        this(generator, applier, metrics, true);
    }

    /** @param geoReplicators whether the cluster has EventStreamsGeoReplicator (13.0 removed it): watched only then */
    public EventStreamsReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics, boolean geoReplicators) {
        this(generator, applier, metrics, geoReplicators, List.of());
    }

    /**
     * @param clusterPolicyKinds the administrator's cluster-scoped policy kinds the cluster serves
     *                           ({@link ClusterPolicyKinds#served}): watched, read only, and their denials of the
     *                           instances' documented flows reported as the {@code ClusterPolicyBlocks} condition
     */
    EventStreamsReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics, boolean geoReplicators,
                           List<ClusterPolicyKinds.Kind> clusterPolicyKinds) {
        super(EventStreams.class, generator, applier, metrics);
        this.geoReplicators = geoReplicators;
        this.clusterPolicyKinds = List.copyOf(clusterPolicyKinds);
    }

    @Override
    protected List<ClusterPolicyKinds.Kind> clusterPolicyKinds() {
        return clusterPolicyKinds;
    }

    @Override
    protected String componentSelector() {
        return "app.kubernetes.io/component notin (kafka-connect,kafka-mirror-maker-2)";
    }

    @Override
    protected List<Class<? extends EventStreamsResource>> relatedKinds() {
        return geoReplicators ? List.of(KafkaConnect.class, KafkaMirrorMaker2.class, EventStreamsGeoReplicator.class)
                : List.of(KafkaConnect.class, KafkaMirrorMaker2.class);
    }

    /**
     * Every instance in the member's namespace. A member that moved (its cluster label changed) or went concerns
     * the instance it left as well, whose admin API policy still names it; rather than remember, for every
     * member ever seen, which instances it belonged to (state that would outlive the member), every instance
     * of the namespace is reconciled. Those the change does not concern find nothing to write and cost no request.
     */
    @Override
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<EventStreams> context) {
        return ByIndex.inNamespace(context.getPrimaryCache(), related.getMetadata().getNamespace()).map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    /** The resources of a kind that belong to an instance: what a change of that instance concerns. */
    static <R extends EventStreamsResource> Set<ResourceID> belongingTo(EventStreamsResource instance,
                                                                       java.util.stream.Stream<R> candidates) {
        String name = instance.getMetadata().getName();
        return candidates.filter(r -> Installations.instanceOf(r).map(name::equals).orElse(false))
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
