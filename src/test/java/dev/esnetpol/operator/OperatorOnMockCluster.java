package dev.esnetpol.operator;

import org.junit.jupiter.api.AfterEach;

/**
 * A test of one operator on fabric8's mock API server: {@link #start} creates the cluster (unless the test made it
 * first, to put objects in it before the operator starts) and an operator with fresh metrics; both stop after the test.
 */
abstract class OperatorOnMockCluster {

    protected MockCluster cluster;
    protected EsNetpolOperator operator;
    protected OperatorMetrics metrics;

    protected void start() {
        cluster = cluster == null ? new MockCluster() : cluster;
        metrics = new OperatorMetrics();
        operator = cluster.startOperator(metrics);
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close(); // and the operators it started
        }
    }
}
