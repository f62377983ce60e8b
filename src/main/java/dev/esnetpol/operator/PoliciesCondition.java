package dev.esnetpol.operator;

import dev.esnetpol.model.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * es-netpol's condition on a resource, {@code NetworkPoliciesReady}: whether its policies are applied,
 * which, and for which generation ({@link #write} writes {@link ClusterPolicyBlocks#TYPE} the same way). Written only when it changes, and together with every other field and
 * condition of the status as read (other controllers own them), with the resourceVersion read, so that a
 * concurrent writer makes this a 409 and a retry rather than a lost update.
 * <p>
 * The operator's own writes never conflict with each other: the written resource, as the API server
 * answered it, goes into the SDK's cache in front of the informer's ({@link PrimaryUpdateAndCacheUtils}),
 * so the next reconcile (often triggered by the policy writes of this one, before the informer has seen the
 * status write) starts from it, finds the condition already there and writes nothing.
 */
final class PoliciesCondition {

    static final String TYPE = "NetworkPoliciesReady";
    private static final Logger LOG = Logger.getLogger(PoliciesCondition.class.getName());

    private PoliciesCondition() {
    }

    /** The reasons es-netpol writes. */
    enum Reason { Applied, InvalidSpec, PolicyNameTaken, ApiError }

    static Condition of(boolean ready, Reason reason, String message, Long generation) {
        return new ConditionBuilder().withType(TYPE).withStatus(ready ? "True" : "False").withReason(reason.name())
                .withMessage(message).withObservedGeneration(generation).build();
    }

    static Condition current(CustomResource<?, ResourceStatus> resource) {
        return current(resource, TYPE);
    }

    /** The resource's condition of this type (es-netpol writes two: this one and {@link ClusterPolicyBlocks#TYPE}). */
    static Condition current(CustomResource<?, ResourceStatus> resource, String type) {
        ResourceStatus status = resource.getStatus();
        if (status == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    static boolean sameAs(Condition a, Condition b) {
        return a != null && b != null && Objects.equals(a.getStatus(), b.getStatus()) && Objects.equals(a.getReason(), b.getReason())
                && Objects.equals(a.getMessage(), b.getMessage()) && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration());
    }

    /**
     * Writes the condition unless the resource already has it; returns whether it wrote. A 409 (someone else
     * wrote the resource since the cache saw it) is not retried here: the reconciler requeues the resource and
     * starts again from the fresh version.
     */
    static <R extends CustomResource<?, ResourceStatus>> boolean write(Context<R> context, R resource, Condition wanted) {
        return write(context, resource, List.of(wanted));
    }

    /**
     * Writes the conditions (of distinct types) in one status update unless the resource already has them all: one
     * write, so that the second never meets a 409 from the first. Returns whether it wrote.
     */
    static <R extends CustomResource<?, ResourceStatus>> boolean write(Context<R> context, R resource, List<Condition> wanted) {
        if (wanted.stream().allMatch(w -> sameAs(current(resource, w.getType()), w))) {
            return false;
        }
        KubernetesClient client = context.getClient();
        try {
            // What PrimaryUpdateAndCacheUtils.updateAndCacheResource does, without its retry: on a 409 it logs the whole
            // resource at WARN; here a 409 goes to the reconciler, which requeues quietly (another writer's change).
            R updated = client.resource(withConditions(client, resource, wanted)).updateStatus();
            context.eventSourceRetriever().getControllerEventSource()
                    .handleRecentResourceUpdate(ResourceID.fromResource(resource), updated, resource);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            // Deleted while it was reconciled: there is no status to write, and its deletion comes next.
            return false;
        }
        return true;
    }

    /** A copy of the resource with the conditions set, every other condition and status field as they are. */
    private static <R extends CustomResource<?, ResourceStatus>> R withConditions(KubernetesClient client, R resource, List<Condition> wanted) {
        R copy = client.getKubernetesSerialization().clone(resource);
        ResourceStatus status = copy.getStatus() == null ? new ResourceStatus() : copy.getStatus();
        List<Condition> conditions = new ArrayList<>();
        for (Condition c : status.getConditions()) {
            if (wanted.stream().noneMatch(w -> w.getType().equals(c.getType()))) {
                conditions.add(c);
            }
        }
        for (Condition w : wanted) {
            Condition now = current(resource, w.getType());
            String transition = now != null && Objects.equals(now.getStatus(), w.getStatus()) && now.getLastTransitionTime() != null
                    ? now.getLastTransitionTime() : Instant.now().toString();
            conditions.add(new ConditionBuilder(w).withLastTransitionTime(transition).build());
        }
        status.setConditions(conditions);
        copy.setStatus(status);
        return copy;
    }

    /** A Kubernetes Event on the resource, for what a user must act on (a foreign policy holding our name). */
    static void event(KubernetesClient client, CustomResource<?, ?> resource, String reason, String message) {
        try {
            String ns = resource.getMetadata().getNamespace();
            client.v1().events().inNamespace(ns).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(resource.getMetadata().getName() + ".es-netpol.").withNamespace(ns).endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(resource.getApiVersion()).withKind(resource.getKind())
                            .withName(resource.getMetadata().getName()).withNamespace(ns).withUid(resource.getMetadata().getUid()).build())
                    .withType("Warning").withReason(reason).withMessage(message)
                    .withFirstTimestamp(Instant.now().toString()).withLastTimestamp(Instant.now().toString()).withCount(1)
                    .withNewSource().withComponent("es-netpol").endSource()
                    .build()).create();
        } catch (RuntimeException e) {
            // An event is a courtesy: the condition carries the same news.
            LOG.warning("cannot record event " + reason + ": " + e.getMessage());
        }
    }
}
