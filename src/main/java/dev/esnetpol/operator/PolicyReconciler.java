package dev.esnetpol.operator;

import dev.esnetpol.generate.DefaultGrants;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.model.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.CustomResource;
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
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the policies of one resource kind as the generator wants them. Thin on purpose, a reconcile is four
 * named steps: {@link #validate} the resource, ask the generator for the policies it owns ({@link #desired}),
 * let {@link PolicyApplier} write the difference with the {@link InformerPolicyCache} (asking the API first whether
 * the resource is being deleted, if a policy it had has disappeared), and {@link #report} the outcome as a
 * condition. Events on owned policies (a hand edit, a deletion) come back here through the policy informer at
 * once. A deleted resource's policies go with it through their owner references (garbage collection, no
 * finalizer); the SDK calls {@link #reconcile} for the deletion too, and the operator forgets the resource.
 */
public abstract class PolicyReconciler<R extends CustomResource<?, ResourceStatus> & EventStreamsResource> implements Reconciler<R> {

    /** The informer of the policies es-netpol applied (its label), for this kind's components. */
    static final String POLICIES = "policies";
    /** The informer of every other policy: a name es-netpol wants may be taken, and that is seen here, not by a refused create. */
    static final String OTHER_POLICIES = "other-policies";

    private final Class<R> type;
    private final PolicyGenerator generator;
    private final PolicyApplier applier;
    private final OperatorMetrics metrics;
    private final LifecycleLog lifecycle;
    /** After a 409 from another writer: long enough for the informer to deliver that writer's version. */
    static final Duration CONFLICT_REQUEUE = Duration.ofMillis(300);

    protected PolicyReconciler(Class<R> type, PolicyGenerator generator, PolicyApplier applier, OperatorMetrics metrics) {
        this.type = type;
        this.generator = generator;
        this.applier = applier;
        this.metrics = metrics;
        this.lifecycle = new LifecycleLog(HasMetadata.getKind(type));
    }

    /** The policy components this kind owns, as a label selector expression on app.kubernetes.io/component. */
    protected abstract String componentSelector();

    /** The other kinds whose changes change this kind's policies. */
    protected abstract List<Class<? extends EventStreamsResource>> relatedKinds();

    /**
     * The administrator's cluster-scoped policy kinds the cluster serves, whose denials of documented flows this kind
     * reports ({@link ClusterPolicyBlocks}): the instances' reconciler's, none for the others.
     */
    protected List<ClusterPolicyKinds.Kind> clusterPolicyKinds() {
        return List.of();
    }

    /** The resources of this kind that a change of {@code related} (of a related kind) concerns. */
    protected abstract Set<ResourceID> concerns(EventStreamsResource related, EventSourceContext<R> context);

    @Override
    public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
        List<EventSource<?, R>> sources = new ArrayList<>();
        InformerEventSource<NetworkPolicy, R> owned = new InformerEventSource<>(InformerEventSourceConfiguration.from(NetworkPolicy.class, type)
                .withName(POLICIES)
                .withNamespacesInheritedFromController()
                .withLabelSelector(OwnedPolicies.SELECTOR + "," + componentSelector())
                .withItemStore(SlimStore.ownPolicy())
                .withSecondaryToPrimaryMapper(p -> ownerOrClaimants(p, context))
                .build(), context);
        // The gauge reads the cache: what a resource of this kind controls (two kinds share a component label).
        metrics.countManaged(() -> owned.list(p -> !ownerOf(p).isEmpty()).count());
        sources.add(ByIndex.controllers(owned));
        sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(NetworkPolicy.class, type)
                .withName(OTHER_POLICIES)
                .withNamespacesInheritedFromController()
                .withLabelSelector(OwnedPolicies.NOT_OURS_SELECTOR)
                .withItemStore(SlimStore.foreignPolicy())
                .withSecondaryToPrimaryMapper(p -> claimants(p, context))
                .build(), context));
        for (Class<? extends EventStreamsResource> kind : relatedKinds()) {
            sources.add(source(kind, context));
        }
        sources.addAll(ClusterPolicyBlocks.sources(clusterPolicyKinds(), type, context));
        return sources;
    }

    private <S extends EventStreamsResource> EventSource<?, R> source(Class<S> kind, EventSourceContext<R> context) {
        SecondaryToPrimaryMapper<S> mapper = related -> concerns(related, context);
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, type)
                .withName(kind.getSimpleName())
                .withItemStore(SlimStore.related())
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

    /**
     * Where an event on one of es-netpol's policies goes: its controlling resource, or, for a policy that has none
     * (applied from {@code render} before the resource existed, or its owner reference removed by hand), the
     * resources that may want its name, one of which adopts it.
     */
    private Set<ResourceID> ownerOrClaimants(NetworkPolicy p, EventSourceContext<R> context) {
        Set<ResourceID> owner = ownerOf(p);
        return owner.isEmpty() && OwnedPolicies.controllerUid(p).isEmpty() ? claimants(p, context) : owner;
    }

    /**
     * The resources that may want the name of a policy es-netpol does not own (names are
     * {@code <resource>-<component>-netpol}): when it goes, they take the name at once. A reconcile of one
     * that did not want it costs nothing.
     */
    private Set<ResourceID> claimants(NetworkPolicy p, EventSourceContext<R> context) {
        String name = p.getMetadata().getName();
        return ByIndex.inNamespace(context.getPrimaryCache(), p.getMetadata().getNamespace())
                .filter(r -> name.startsWith(r.getMetadata().getName() + "-"))
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<R> reconcile(R resource, Context<R> context) {
        long start = System.nanoTime();
        String kind = HasMetadata.getKind(type);
        String uid = resource.getMetadata().getUid();
        if (context.isPrimaryResourceDeleted()) {
            // Its policies go with it (owner references); what the operator remembers of it goes now.
            applier.forget(uid);
            metrics.clusterPolicyBlocks(uid, 0);
            metrics.reconciled(kind, "deleted", System.nanoTime() - start);
            lifecycle.deleted(resource);
            return UpdateControl.noUpdate();
        }
        if (resource.getMetadata().getDeletionTimestamp() != null) {
            // Being deleted (a finalizer of someone else's holds it, or foreground deletion is removing its policies):
            // writing policies now would only feed the garbage collector.
            return beingDeleted(resource, kind, start);
        }
        try {
            List<InputProblem> problems = validate(resource);
            Installation installation = problems.isEmpty() ? installationOf(resource, context) : null;
            PolicyGenerator.Generation generation = installation == null ? null : generator.generateWithFlows(installation);
            List<NetworkPolicy> generated = generation == null ? List.of() : generation.policies();
            List<NetworkPolicy> desired = desired(uid, generated);
            PolicyCache cache = InformerPolicyCache.of(resource, context);
            if (problems.isEmpty() && applier.ownerGoingMeanwhile(resource, desired, cache)) {
                // Its policies' deletion reached us before its deletionTimestamp did: the same as above.
                return beingDeleted(resource, kind, start);
            }
            ApplyResult applied = problems.isEmpty() ? applier.apply(resource, desired, cache) : null;
            ReconcileOutcome outcome = applied != null ? ReconcileOutcome.applied(applied, DefaultGrants.sentencesOwnedBy(uid, generation)) : ReconcileOutcome.invalid(problems);
            List<Condition> conditions = new ArrayList<>(List.of(outcome.condition(resource.getMetadata().getGeneration())));
            if (applied != null && !clusterPolicyKinds().isEmpty()) {
                conditions.add(clusterPolicyBlocks(resource, installation, generated, context));
            }
            lifecycle.reconciled(resource, outcome, applied, report(resource, outcome, conditions, context));
            metrics.reconciled(kind, outcome.result(), System.nanoTime() - start);
            return UpdateControl.noUpdate();
        } catch (KubernetesClientException e) {
            if (ApiRefusals.namespaceTerminating(e)) {
                // The namespace controller is deleting everything in it, the resource included: no fight, no failure.
                lifecycle.namespaceTerminating(resource);
                metrics.reconciled(kind, "terminating", System.nanoTime() - start);
                return UpdateControl.noUpdate();
            }
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                // Another writer changed the resource or a policy since the cache saw it: not a failure. Start again
                // from the fresh version shortly (a status-only change of someone else's sends us no event).
                lifecycle.conflict(resource, e);
                metrics.reconciled(kind, "conflict", System.nanoTime() - start);
                return UpdateControl.<R>noUpdate().rescheduleAfter(CONFLICT_REQUEUE);
            }
            throw e;
        }
    }

    private UpdateControl<R> beingDeleted(R resource, String kind, long start) {
        lifecycle.beingDeleted(resource);
        metrics.reconciled(kind, "terminating", System.nanoTime() - start);
        return UpdateControl.noUpdate();
    }

    /** Step 1: the same checks as render and the webhook, with field paths. */
    private static List<InputProblem> validate(EventStreamsResource resource) {
        YamlDocument doc = new YamlDocument("cluster:" + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName(), 0,
                ResourceReader.mapper().valueToTree(resource));
        return ResourceReader.check(doc).problems();
    }

    /** The installation the resource belongs to, from this controller's caches. */
    private Installation installationOf(R resource, Context<R> context) {
        String uid = resource.getMetadata().getUid();
        return Installations.group(resourcesIn(resource, context), null).stream()
                .filter(i -> i.resources().stream().anyMatch(r -> r.getMetadata().getUid().equals(uid)))
                .findFirst().orElseThrow();
    }

    /** Step 2: of the policies the generator wants for the resource's installation, those this resource controls. */
    private static List<NetworkPolicy> desired(String uid, List<NetworkPolicy> generated) {
        return generated.stream().filter(p -> OwnedPolicies.controllerUid(p).equals(uid)).toList();
    }

    /**
     * After the apply: the documented flows of the installation, with all its policies as generated (those other kinds
     * own included), that the cluster policies in the informers' caches deny; counted in the gauge, as a condition.
     */
    private Condition clusterPolicyBlocks(R resource, Installation installation, List<NetworkPolicy> generated, Context<R> context) {
        List<ClusterPolicyBlocks.Block> blocks = ClusterPolicyBlocks.of(installation.resources(), generated,
                ClusterPolicyBlocks.read(ClusterPolicyBlocks.cached(clusterPolicyKinds(), context)), generator.options());
        metrics.clusterPolicyBlocks(resource.getMetadata().getUid(), blocks.size());
        return ClusterPolicyBlocks.condition(blocks, resource.getMetadata().getGeneration());
    }

    /** Step 4: the conditions (the outcome's, then any cluster policy blocks; one write, only on a change), a Warning Event when a user must act. */
    private static <R extends CustomResource<?, ResourceStatus>> boolean report(R resource, ReconcileOutcome outcome,
                                                                                List<Condition> conditions, Context<R> context) {
        boolean changed = PoliciesCondition.write(context, resource, conditions);
        if (changed && outcome.warns()) {
            PoliciesCondition.event(context.getClient(), resource, outcome.reason().name(), outcome.message());
        }
        return changed;
    }

    @Override
    public ErrorStatusUpdateControl<R> updateErrorStatus(R resource, Context<R> context, Exception e) {
        metrics.failed(HasMetadata.getKind(type));
        boolean last = context.getRetryInfo().map(r -> r.isLastAttempt()).orElse(true);
        if (last && !context.isPrimaryResourceDeleted()) {
            try {
                ReconcileOutcome exhausted = ReconcileOutcome.retriesExhausted(e);
                report(resource, exhausted, List.of(exhausted.condition(resource.getMetadata().getGeneration())), context);
            } catch (RuntimeException ignored) {
                // The API is failing: the log and the metric carry it.
            }
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /**
     * The resource as reconciled and every other resource of the four kinds in its namespace that this
     * controller's caches hold. The reconciled version comes first: it may be newer than the informer's (the
     * SDK's cache of the operator's own status writes), and it must be in the installation it is grouped into.
     */
    private List<EventStreamsResource> resourcesIn(R resource, Context<R> context) {
        String ns = resource.getMetadata().getNamespace();
        List<EventStreamsResource> all = new ArrayList<>(List.of(resource));
        Set<String> seen = new HashSet<>();
        seen.add(resource.getKind() + "/" + resource.getMetadata().getName());
        ByIndex.inNamespace(context.getPrimaryCache(), ns).forEach(r -> {
            if (seen.add(r.getKind() + "/" + r.getMetadata().getName())) {
                all.add(r);
            }
        });
        for (Class<? extends EventStreamsResource> kind : relatedKinds()) {
            InformerEventSource<?, R> source = (InformerEventSource<?, R>) context.eventSourceRetriever()
                    .getEventSourceFor(kind, kind.getSimpleName());
            ByIndex.inNamespace(source, ns).forEach(x -> {
                if (x instanceof EventStreamsResource e && seen.add(x.getKind() + "/" + x.getMetadata().getName())) {
                    all.add(e);
                }
            });
        }
        return all;
    }
}
