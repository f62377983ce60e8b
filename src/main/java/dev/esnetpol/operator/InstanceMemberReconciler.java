package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.List;
import java.util.Set;

/**
 * The policy of a resource that runs pods of its own for an instance (Kafka Connect, the geo-replicator):
 * it depends on its Event Streams instance (its listener ports, its admin API), so a change of the instance
 * reconciles every member of it. One concrete subclass per kind, as the SDK reads the kind from the type.
 */
abstract class InstanceMemberReconciler<R extends CustomResource<?, ResourceStatus> & EventStreamsResource> extends PolicyReconciler<R> {

    private final String component;

    InstanceMemberReconciler(Class<R> type, String component, PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        super(type, generator, applier, metrics);
        this.component = component;
    }

    @Override
    protected String componentSelector() {
        return "app.kubernetes.io/component=" + component;
    }

    @Override
    protected List<Class<? extends EventStreamsResource>> relatedKinds() {
        return List.of(EventStreams.class);
    }

    @Override
    protected Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<R> context) {
        return EventStreamsReconciler.belongingTo(related, ByIndex.inNamespace(context.getPrimaryCache(), related.getMetadata().getNamespace()));
    }
}
