package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.KafkaMirrorMaker2;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.List;
import java.util.Set;

/** The policy of a geo-replicator (KafkaMirrorMaker2); it depends on its Event Streams instance (listener ports, admin API). */
public final class KafkaMirrorMaker2Reconciler extends PolicyReconciler<KafkaMirrorMaker2> {

    public KafkaMirrorMaker2Reconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(KafkaMirrorMaker2.class, generator, applier, metrics);
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
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<KafkaMirrorMaker2> context) {
        return EventStreamsReconciler.belongingTo(related, context.getPrimaryCache().list(related.getMetadata().getNamespace()));
    }
}
