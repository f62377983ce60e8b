package dev.esnetpol.operator;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The operator tests' mock API server, for the tests of other packages (review reads a live namespace). */
public final class MockClusterAccess implements AutoCloseable {

    private final MockCluster cluster = new MockCluster();

    public KubernetesClient client() {
        return cluster.client;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
