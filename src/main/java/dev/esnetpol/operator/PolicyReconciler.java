package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.model.ResourceStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the policies of one resource kind as the generator wants them. Thin on purpose: it gathers the
 * resources of the namespace from the informer caches, asks the generator for the policies this resource
 * owns, lets {@link PolicyApplier} write the difference, and records the outcome as a condition. Events on
 * owned policies (a hand edit, a deletion) come back here through the policy informer at once.
 */
public abstract class PolicyReconciler<R extends CustomResource<?, ResourceStatus> & EventStreamsResource> implements Reconciler<R> {

    private final Class<R> type;
    private final PolicyGenerator generator;
    private final PolicyApplier applier;
    private final OperatorMetrics metrics;

    protected PolicyReconciler(Class<R> type, PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        this.type = type;
        this.generator = generator;
        this.applier = applier;
        this.metrics = metrics;
    }

    /** The policy components this kind owns, as a label selector expression on app.kubernetes.io/component. */
    protected abstract String componentSelector();

    /** The other kinds whose changes change this kind's policies. */
    protected abstract List<Class<? extends EventStreamsResource>> relatedKinds();

    /** The resources of this kind that a change of {@code related} (of a related kind) concerns. */
    protected abstract Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<R> context);

    @Override
    public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
        List<EventSource<?, R>> sources = new ArrayList<>();
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(NetworkPolicy.class, type)
                .withName("policies")
                .withNamespacesInheritedFromController()
                .withLabelSelector(OwnedPolicies.SELECTOR + "," + componentSelector())
                .withSecondaryToPrimaryMapper(this::ownerOf)
                .build(), context));
        for (Class<? extends EventStreamsResource> kind : relatedKinds()) {
            sources.add(source(kind, context));
        }
        return sources;
    }

    private <S extends EventStreamsResource> EventSource<?, R> source(Class<S> kind, EventSourceContext<R> context) {
        SecondaryToPrimaryMapper<S> mapper = related -> concerns(related, context);
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, type)
                .withName(kind.getSimpleName())
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(mapper)
                .build(), context);
    }

    /** The resource of this kind that controls a policy (the policy's controller owner reference). */
    private Set<ResourceID> ownerOf(NetworkPolicy p) {
        if (p.getMetadata().getOwnerReferences() == null) {
            return Set.of();
        }
        String kind = HasMetadata.getKind(type);
        return p.getMetadata().getOwnerReferences().stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()) && kind.equals(o.getKind()))
                .map(o -> new ResourceID(o.getName(), p.getMetadata().getNamespace()))
                .collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<R> reconcile(R resource, Context<R> context) {
        long start = System.nanoTime();
        String kind = HasMetadata.getKind(type);
        String ns = resource.getMetadata().getNamespace();
        List<EventStreamsResource> inNamespace = resourcesIn(ns, context);
        // Validate the version the policies will be generated from (the cache's newest), not the one this event
        // carried: a reconcile queued by an older event must not validate the old spec and render the new one.
        EventStreamsResource current = inNamespace.stream()
                .filter(r -> r.getMetadata().getUid().equals(resource.getMetadata().getUid())).findFirst().orElse(resource);
        List<InputProblem> problems = problems(current);
        if (!problems.isEmpty()) {
            // Never delete working policies because the new spec is wrong: keep what was applied, say why.
            String message = "policies kept as last applied; the resource is invalid: "
                    + problems.stream().map(p -> p.path().isEmpty() ? p.message() : p.path() + ": " + p.message()).collect(Collectors.joining("; "));
            if (PoliciesCondition.write(context.getClient(), resource,
                    PoliciesCondition.of(false, PoliciesCondition.Reason.InvalidSpec, message, resource.getMetadata().getGeneration()))) {
                PoliciesCondition.event(context.getClient(), resource, "InvalidSpec", message);
            }
            metrics.reconciled(kind, "invalid", System.nanoTime() - start);
            return UpdateControl.noUpdate();
        }
        Installation installation = Installations.group(inNamespace, null).stream()
                .filter(i -> i.resources().stream().anyMatch(r -> r.getMetadata().getUid().equals(resource.getMetadata().getUid())))
                .findFirst().orElseThrow();
        List<NetworkPolicy> desired = generator.generate(installation).stream()
                .filter(p -> OwnedPolicies.controllerUid(p).equals(resource.getMetadata().getUid()))
                .toList();
        List<NetworkPolicy> cached = policies(context).list(ns, p -> OwnedPolicies.ownedBy(p, resource)
                || desired.stream().anyMatch(d -> d.getMetadata().getName().equals(p.getMetadata().getName()))).toList();
        ApplyResult result = applier.apply(resource, desired, cached);
        PoliciesCondition.Reason reason = result.foreign().isEmpty() ? PoliciesCondition.Reason.Applied : PoliciesCondition.Reason.PolicyNameTaken;
        String message = result.applied().size() + " NetworkPolicies applied: " + String.join(", ", result.applied())
                + (result.foreign().isEmpty() ? "" : "; not applied, a policy es-netpol does not own has the name: "
                + String.join(", ", result.foreign()) + " (rename or delete it)");
        boolean changed = PoliciesCondition.write(context.getClient(), resource,
                PoliciesCondition.of(result.foreign().isEmpty(), reason, message, resource.getMetadata().getGeneration()));
        if (changed && !result.foreign().isEmpty()) {
            PoliciesCondition.event(context.getClient(), resource, "PolicyNameTaken", message);
        }
        metrics.reconciled(kind, result.wrote() ? "applied" : "unchanged", System.nanoTime() - start);
        return UpdateControl.noUpdate();
    }

    @Override
    public ErrorStatusUpdateControl<R> updateErrorStatus(R resource, Context<R> context, Exception e) {
        metrics.failed(HasMetadata.getKind(type));
        boolean last = context.getRetryInfo().map(r -> r.isLastAttempt()).orElse(true);
        if (last) {
            String what = e instanceof KubernetesClientException k ? "HTTP " + k.getCode() + ": " + k.getMessage() : e.toString();
            try {
                PoliciesCondition.write(context.getClient(), resource, PoliciesCondition.of(false, PoliciesCondition.Reason.ApiError,
                        "policies may be partly applied; retries exhausted, next attempt at the next change or resync: " + what,
                        resource.getMetadata().getGeneration()));
            } catch (RuntimeException ignored) {
                // The API is failing: the log and the metric carry it.
            }
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    private static List<InputProblem> problems(EventStreamsResource resource) {
        YamlDocument doc = new YamlDocument("cluster:" + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName(), 0,
                ResourceReader.mapper().valueToTree(resource));
        return ResourceReader.check(doc).problems();
    }

    @SuppressWarnings("unchecked")
    private InformerEventSource<NetworkPolicy, R> policies(Context<R> context) {
        return (InformerEventSource<NetworkPolicy, R>) context.eventSourceRetriever().getEventSourceFor(NetworkPolicy.class);
    }

    /** Every resource of the four kinds in the namespace that this controller's caches hold. */
    private List<EventStreamsResource> resourcesIn(String ns, Context<R> context) {
        List<EventStreamsResource> all = new ArrayList<>(context.getPrimaryCache().list(ns).toList());
        Set<String> seen = new HashSet<>();
        all.forEach(r -> seen.add(r.getKind() + "/" + r.getMetadata().getName()));
        for (Class<? extends EventStreamsResource> kind : relatedKinds()) {
            InformerEventSource<?, R> source = (InformerEventSource<?, R>) context.eventSourceRetriever()
                    .getEventSourceFor(kind, kind.getSimpleName());
            source.list(ns).forEach(x -> {
                if (x instanceof EventStreamsResource e && seen.add(x.getKind() + "/" + x.getMetadata().getName())) {
                    all.add(e);
                }
            });
        }
        return all;
    }
}
