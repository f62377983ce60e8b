package dev.esnetpol.operator;

import dev.esnetpol.generate.GeneratorOptions;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs.
 *
 * @param namespaces        the namespaces watched; empty means all
 * @param generation        whether es-netpol creates and maintains policies at all
 * @param onDisable         with generation off: keep what es-netpol applied, or delete it at start-up
 * @param generator         what the generated policies contain
 * @param leaderElection    the Lease to hold before writing, empty to run alone
 * @param resync            a periodic reconcile as a safety net (events do the real work; no-op resyncs cost nothing)
 * @param retry             how API errors are retried
 */
public record OperatorSettings(Set<String> namespaces, boolean generation, OnDisable onDisable, GeneratorOptions generator,
                               Optional<LeaderElection> leaderElection, Duration resync, RetryPolicy retry) {

    public enum OnDisable { keep, delete }

    /** The Lease: its name and namespace, this replica's identity, and its timings. */
    public record LeaderElection(String leaseName, String leaseNamespace, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod, boolean exitOnLoss) {

        /** Losing the lease exits the process (Kubernetes restarts it as a standby): no write after losing it. */
        public static LeaderElection of(String leaseName, String leaseNamespace, String identity) {
            return new LeaderElection(leaseName, leaseNamespace, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofSeconds(2), true);
        }
    }

    /** Exponential backoff: first wait, multiplier, longest wait, attempts before the error goes to the status. */
    public record RetryPolicy(Duration initial, double multiplier, Duration max, int attempts) {
        public static RetryPolicy defaults() {
            return new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 12);
        }
    }

    public static OperatorSettings defaults() {
        return new OperatorSettings(Set.of(), true, OnDisable.keep, GeneratorOptions.defaults(), Optional.empty(),
                Duration.ofMinutes(30), RetryPolicy.defaults());
    }

    public OperatorSettings withNamespaces(Set<String> ns) {
        return new OperatorSettings(ns, generation, onDisable, generator, leaderElection, resync, retry);
    }

    public OperatorSettings withGeneration(boolean on, OnDisable whenOff) {
        return new OperatorSettings(namespaces, on, whenOff, generator, leaderElection, resync, retry);
    }

    public OperatorSettings withLeaderElection(LeaderElection le) {
        return new OperatorSettings(namespaces, generation, onDisable, generator, Optional.of(le), resync, retry);
    }

    public OperatorSettings withResync(Duration every) {
        return new OperatorSettings(namespaces, generation, onDisable, generator, leaderElection, every, retry);
    }

    public OperatorSettings withRetry(RetryPolicy r) {
        return new OperatorSettings(namespaces, generation, onDisable, generator, leaderElection, resync, r);
    }

    public OperatorSettings withGenerator(GeneratorOptions g) {
        return new OperatorSettings(namespaces, generation, onDisable, g, leaderElection, resync, retry);
    }
}
