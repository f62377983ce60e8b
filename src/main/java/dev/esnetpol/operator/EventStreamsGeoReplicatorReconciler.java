package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.List;
import java.util.Set;

/** The policy of a geo-replicator (EventStreamsGeoReplicator); it depends on its Event Streams instance (listener ports, admin API). */
public final class EventStreamsGeoReplicatorReconciler extends PolicyReconciler<EventStreamsGeoReplicator> {

    public EventStreamsGeoReplicatorReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(EventStreamsGeoReplicator.class, generator, applier, metrics);
    }

    @Override
    protected String componentSelector() {
        return "app.kubernetes.io/component=kafka-mirror-maker-2";
    }

    @Override
    protected List<Class<? extends EventStreamsResource>> relatedKinds() {
        return List.of(EventStreams.class);
    }

    @Override
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<EventStreamsGeoReplicator> context) {
        return EventStreamsReconciler.belongingTo(related, context.getPrimaryCache().list(related.getMetadata().getNamespace()));
    }
}
