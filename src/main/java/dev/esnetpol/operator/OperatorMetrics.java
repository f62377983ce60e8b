package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the operator reports on :8080/metrics, in Prometheus' format. Every series exists from the start, at
 * 0, so that a dashboard or an alert ({@code increase(es_netpol_reconcile_failures_total[5m]) > 0}) sees it
 * before the first event. The operator keeps no count per resource: the managed-policies gauge is read from
 * the informer caches when scraped, so a deleted resource leaves nothing behind.
 */
public final class OperatorMetrics {

    /**
     * What a reconcile did: wrote policies, found nothing to do, found the resource invalid, forgot a deleted one,
     * left alone one being deleted (its own deletion or its namespace's), or met another writer's change (a 409,
     * requeued: not a failure).
     */
    static final List<String> RESULTS = List.of("applied", "unchanged", "invalid", "deleted", "terminating", "conflict");
    static final List<String> VERBS = List.of("create", "update", "delete");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** One per reconciler: the policies its informer holds that a resource of its kind controls. */
    private final List<LongSupplier> managedPolicies = new CopyOnWriteArrayList<>();
    /**
     * Per instance (uid), the documented flows an administrator's cluster-scoped policy denies, as its last reconcile
     * found them: the gauge is their sum. An instance's entry goes when it is deleted or nothing is blocked any more.
     */
    private final java.util.Map<String, Integer> blockedFlows = new java.util.concurrent.ConcurrentHashMap<>();

    public OperatorMetrics() {
        Gauge.builder("es_netpol_policies_managed", managedPolicies, m -> m.stream().mapToLong(LongSupplier::getAsLong).sum())
                .description("NetworkPolicies es-netpol currently maintains (its informer caches)").register(registry);
        for (Class<?> type : EsNetpolOperator.watchedKinds()) {
            @SuppressWarnings("unchecked")
            String kind = HasMetadata.getKind((Class<? extends HasMetadata>) type);
            RESULTS.forEach(result -> reconciles(kind, result));
            failures(kind);
            duration(kind);
        }
        Gauge.builder("es_netpol_cluster_policy_blocked_flows", blockedFlows, m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .description("Documented flows of managed instances that an AdminNetworkPolicy, BaselineAdminNetworkPolicy or"
                        + " ClusterNetworkPolicy denies (the instances' ClusterPolicyBlocks condition)").register(registry);
        VERBS.forEach(this::writes);
        drift();
        conflicts();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The policies a reconciler's cache holds count in the gauge from now on. */
    void countManaged(LongSupplier policiesInCache) {
        managedPolicies.add(policiesInCache);
    }

    void reconciled(String kind, String result, long nanos) {
        reconciles(kind, result).increment();
        duration(kind).record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String kind) {
        failures(kind).increment();
    }

    /** What the last reconcile of an instance found blocked by cluster policies (0, or a deleted instance: none). */
    void clusterPolicyBlocks(String uid, int flows) {
        if (flows == 0) {
            blockedFlows.remove(uid);
        } else {
            blockedFlows.put(uid, flows);
        }
    }

    void wrote(String verb) {
        writes(verb).increment();
    }

    void driftRepaired(int count) {
        drift().increment(count);
    }

    void conflict() {
        conflicts().increment();
    }

    public String scrape() {
        return registry.scrape();
    }

    private Counter reconciles(String kind, String result) {
        return Counter.builder("es_netpol_reconciles_total").description("Reconciles, by resource kind and result")
                .tag("kind", kind).tag("result", result).register(registry);
    }

    private Counter failures(String kind) {
        return Counter.builder("es_netpol_reconcile_failures_total").description("Reconciles that ended in an API error (retried)")
                .tag("kind", kind).register(registry);
    }

    private Timer duration(String kind) {
        return Timer.builder("es_netpol_reconcile_duration_seconds").description("Time to reconcile one resource")
                .tag("kind", kind).publishPercentiles(0.5, 0.99).register(registry);
    }

    private Counter writes(String verb) {
        return Counter.builder("es_netpol_policy_writes_total").description("NetworkPolicy writes, by verb")
                .tag("verb", verb).register(registry);
    }

    private Counter drift() {
        return Counter.builder("es_netpol_drift_repairs_total").description("Policies restored after a hand edit or deletion")
                .register(registry);
    }

    private Counter conflicts() {
        return Counter.builder("es_netpol_foreign_policy_conflicts_total").description("Desired policies whose name a foreign policy holds")
                .register(registry);
    }
}
