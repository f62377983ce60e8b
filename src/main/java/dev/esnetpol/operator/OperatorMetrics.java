package dev.esnetpol.operator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** What the operator reports on :8080/metrics, in Prometheus' format. */
public final class OperatorMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Policies es-netpol manages, per owning resource (uid), summed by the gauge. */
    private final Map<String, Integer> managed = new ConcurrentHashMap<>();

    public OperatorMetrics() {
        Gauge.builder("es_netpol_policies_managed", managed, m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .description("NetworkPolicies es-netpol currently maintains").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    void reconciled(String kind, String result, long nanos) {
        Counter.builder("es_netpol_reconciles_total").description("Reconciles, by resource kind and result")
                .tag("kind", kind).tag("result", result).register(registry).increment();
        Timer.builder("es_netpol_reconcile_duration_seconds").description("Time to reconcile one resource")
                .tag("kind", kind).publishPercentiles(0.5, 0.99).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String kind) {
        Counter.builder("es_netpol_reconcile_failures_total").description("Reconciles that ended in an API error (retried)")
                .tag("kind", kind).register(registry).increment();
    }

    void wrote(String verb) {
        Counter.builder("es_netpol_policy_writes_total").description("NetworkPolicy writes, by verb")
                .tag("verb", verb).register(registry).increment();
    }

    void driftRepaired(int count) {
        Counter.builder("es_netpol_drift_repairs_total").description("Policies restored after a hand edit or deletion")
                .register(registry).increment(count);
    }

    void conflict() {
        Counter.builder("es_netpol_foreign_policy_conflicts_total").description("Desired policies whose name a foreign policy holds")
                .register(registry).increment();
    }

    void managing(String ownerUid, int count) {
        if (count == 0) {
            managed.remove(ownerUid);
        } else {
            managed.put(ownerUid, count);
        }
    }

    public String scrape() {
        return registry.scrape();
    }
}
