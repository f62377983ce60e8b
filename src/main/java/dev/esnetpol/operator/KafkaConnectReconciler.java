package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.KafkaConnect;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.List;
import java.util.Set;

/** The policy of a Kafka Connect cluster; it depends on its Event Streams instance (listener ports, admin API). */
public final class KafkaConnectReconciler extends PolicyReconciler<KafkaConnect> {

    public KafkaConnectReconciler(PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(KafkaConnect.class, generator, applier, metrics);
    }

    @Override
    protected String componentSelector() {
        return "app.kubernetes.io/component=kafka-connect";
    }

    @Override
    protected List<Class<? extends EventStreamsResource>> relatedKinds() {
        return List.of(EventStreams.class);
    }

    @Override
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<KafkaConnect> context) {
        return EventStreamsReconciler.belongingTo(related, context.getPrimaryCache().list(related.getMetadata().getNamespace()));
    }
}
