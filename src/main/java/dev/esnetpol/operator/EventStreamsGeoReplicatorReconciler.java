package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreamsGeoReplicator;

/** The policy of a geo-replicator (EventStreamsGeoReplicator). */
public final class EventStreamsGeoReplicatorReconciler extends InstanceMemberReconciler<EventStreamsGeoReplicator> {

    public EventStreamsGeoReplicatorReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(EventStreamsGeoReplicator.class, "kafka-mirror-maker-2", generator, applier, metrics);
    }
}
