package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas: one holds the Lease and writes; the other takes over when it goes. */
class LeaderElectionTest {

    private final MockCluster cluster = new MockCluster();
    private EsNetpolOperator a;
    private EsNetpolOperator b;
    private final OperatorMetrics metricsA = new OperatorMetrics();
    private final OperatorMetrics metricsB = new OperatorMetrics();

    private OperatorSettings settings(String identity) {
        return OperatorSettings.defaults().withRetry(OperatorTest.FAST_RETRY).withLeaderElection(new OperatorSettings.LeaderElection(
                "es-netpol", "default", identity, Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200), false));
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        cluster.close();
    }

    private static double writes(OperatorMetrics m) {
        return m.registry().find("es_netpol_policy_writes_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /**
     * A leader that stops (SIGTERM runs close) gives the Lease up: with a 30 s lease, the standby holds it within its
     * retry period, not after 30 s.
     */
    @Test
    void aStoppedLeaderReleasesItsLeaseAndTheStandbyTakesOverAtOnce() throws Exception {
        java.util.function.Function<String, OperatorSettings> longLease = identity -> OperatorSettings.defaults().withRetry(OperatorTest.FAST_RETRY)
                .withLeaderElection(new OperatorSettings.LeaderElection("es-netpol", "default", identity, Duration.ofSeconds(30),
                        Duration.ofSeconds(20), Duration.ofMillis(200), false));
        a = new EsNetpolOperator(cluster.client, longLease.apply("replica-a"), metricsA);
        a.start();
        MockCluster.await("replica-a holds the lease", Duration.ofSeconds(10), () -> "replica-a".equals(holder()));
        b = new EsNetpolOperator(cluster.client, longLease.apply("replica-b"), metricsB);
        b.start();
        // On the Lease's own clock, not the test's (which load stretches): the standby acquired it before the stopped
        // leader's last renewal ran out, which only a release allows. (A renewal after this read makes the bound stricter.)
        Lease held = cluster.client.leases().inNamespace("default").withName("es-netpol").get();
        java.time.Instant heldUntil = held.getSpec().getRenewTime().toInstant()
                .plusSeconds(held.getSpec().getLeaseDurationSeconds());
        a.close();
        MockCluster.await("replica-b holds the lease", Duration.ofSeconds(60), () -> "replica-b".equals(holder()));
        java.time.Instant taken = cluster.client.leases().inNamespace("default").withName("es-netpol").get()
                .getSpec().getAcquireTime().toInstant();
        assertTrue(taken.isBefore(heldUntil), "the standby took the lease at " + taken + ", after replica-a's ran out at " + heldUntil
                + ": it was not released");
        cluster.apply(OperatorTest.INSTANCE);
        MockCluster.await("the new leader writes", Duration.ofSeconds(20), () -> cluster.policies("ns").size() == 4);
    }

    private String holder() {
        Lease l = cluster.client.leases().inNamespace("default").withName("es-netpol").get();
        return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
    }

    @Test
    void oneLeaderWritesAndTheOtherTakesOver() throws Exception {
        a = new EsNetpolOperator(cluster.client, settings("replica-a"), metricsA);
        a.start();
        MockCluster.await("replica-a holds the lease", Duration.ofSeconds(10), () -> {
            Lease l = cluster.client.leases().inNamespace("default").withName("es-netpol").get();
            return l != null && "replica-a".equals(l.getSpec().getHolderIdentity());
        });
        b = new EsNetpolOperator(cluster.client, settings("replica-b"), metricsB);
        b.start();
        cluster.apply(OperatorTest.INSTANCE);
        MockCluster.await("the policies", Duration.ofSeconds(20), () -> cluster.policies("ns").size() == 4);
        MockCluster.await("the leader's writes counted", Duration.ofSeconds(10), () -> writes(metricsA) >= 4);
        assertEquals(0.0, writes(metricsB), "the standby wrote");
        assertEquals("replica-a", cluster.client.leases().inNamespace("default").withName("es-netpol").get().getSpec().getHolderIdentity());

        a.close();
        MockCluster.await("replica-b holds the lease", Duration.ofSeconds(15), () ->
                "replica-b".equals(cluster.client.leases().inNamespace("default").withName("es-netpol").get().getSpec().getHolderIdentity()));
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        MockCluster.await("the new leader restores the deleted policy", Duration.ofSeconds(15), () -> cluster.policies("ns").containsKey("es-kafka-netpol"));
        // The policy is in the API server a moment before the new leader has counted its write.
        MockCluster.await("the new leader's write counted", Duration.ofSeconds(5), () -> writes(metricsB) >= 1);
    }
}
