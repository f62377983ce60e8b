package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's cluster-scoped policies on a mock API server whose discovery serves
 * policy.networking.k8s.io: the operator watches them (read only) and reports the documented flows they deny as the
 * instance's ClusterPolicyBlocks condition and the es_netpol_cluster_policy_blocked_flows gauge (issue 20).
 */
class ClusterPolicyOperatorTest extends OperatorOnMockCluster {

    private static final ResourceDefinitionContext ANP = new ResourceDefinitionContext.Builder().withGroup(ClusterPolicyKinds.GROUP)
            .withVersion("v1alpha1").withKind("AdminNetworkPolicy").withPlural("adminnetworkpolicies").withNamespaced(false).build();

    /** Denies the admin API's documented connections to the brokers, wherever the namespace's NetworkPolicies allow them. */
    private static final String DENY_ADMIN_API_TO_BROKERS = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: cut-admin-api}
            spec:
              priority: 10
              subject:
                pods:
                  namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns}}
                  podSelector: {matchLabels: {app.kubernetes.io/name: kafka}}
              ingress:
              - name: no-admin-api
                action: Deny
                from:
                - pods:
                    namespaceSelector: {}
                    podSelector: {matchLabels: {app.kubernetes.io/name: admin-api}}
            """;

    /** Discovery as kube-apiserver answers it with network-policy-api v0.1's CRDs installed (OVN-Kubernetes, OpenShift). */
    private void serveV1alpha1() {
        cluster = new MockCluster();
        cluster.dispatcher.answer("/apis/policy.networking.k8s.io/v1alpha1", "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\","
                + "\"groupVersion\":\"policy.networking.k8s.io/v1alpha1\",\"resources\":["
                + "{\"name\":\"adminnetworkpolicies\",\"singularName\":\"adminnetworkpolicy\",\"namespaced\":false,\"kind\":\"AdminNetworkPolicy\","
                + "\"verbs\":[\"get\",\"list\",\"watch\",\"create\",\"update\",\"delete\"]},"
                + "{\"name\":\"baselineadminnetworkpolicies\",\"singularName\":\"baselineadminnetworkpolicy\",\"namespaced\":false,"
                + "\"kind\":\"BaselineAdminNetworkPolicy\",\"verbs\":[\"get\",\"list\",\"watch\",\"create\",\"update\",\"delete\"]}]}");
    }

    private Optional<Condition> blocks() {
        var es = cluster.instance();
        return es == null || es.getStatus() == null ? Optional.empty()
                : es.getStatus().getConditions().stream().filter(c -> c.getType().equals(ClusterPolicyBlocks.TYPE)).findFirst();
    }

    private double gauge() {
        return metrics.registry().get("es_netpol_cluster_policy_blocked_flows").gauge().value();
    }

    @Test
    void anAdminNetworkPolicyDenyingTheBrokersIngressIsReportedAndItsDeletionClearsIt() throws Exception {
        serveV1alpha1();
        start();
        cluster.apply(OperatorTest.INSTANCE);
        MockCluster.await("no block reported", OperatorTest.WAIT, () -> blocks().map(c -> c.getStatus().equals("False")).orElse(false));
        assertEquals(0.0, gauge());

        GenericKubernetesResource anp = cluster.client.getKubernetesSerialization().unmarshal(DENY_ADMIN_API_TO_BROKERS, GenericKubernetesResource.class);
        cluster.client.genericKubernetesResources(ANP).resource(anp).create();
        MockCluster.await("the block reported", OperatorTest.WAIT, () -> blocks().map(c -> c.getStatus().equals("True")).orElse(false));
        Condition c = blocks().orElseThrow();
        assertEquals("DeniedByAdminNetworkPolicy", c.getReason());
        assertTrue(c.getMessage().contains("denied by AdminNetworkPolicy/cut-admin-api"), c.getMessage());
        assertTrue(c.getMessage().contains("AdminNetworkPolicy `cut-admin-api` ingress rule #1 `no-admin-api` (priority 10)"), c.getMessage());
        assertTrue(c.getMessage().contains("admin-api"), c.getMessage());
        MockCluster.await("the gauge", OperatorTest.WAIT, () -> gauge() > 0);
        // The policies es-netpol applies stay as they were; Ready still says they are applied.
        assertEquals("True", cluster.policiesCondition().orElseThrow().getStatus());

        cluster.client.genericKubernetesResources(ANP).withName("cut-admin-api").delete();
        MockCluster.await("the block cleared", OperatorTest.WAIT, () -> blocks().map(b -> b.getStatus().equals("False")).orElse(false));
        MockCluster.await("the gauge at 0", OperatorTest.WAIT, () -> gauge() == 0.0);
        assertNoWriteOfClusterPolicies();
    }

    @Test
    void aClusterNotServingTheKindsWorksAsBefore() throws Exception {
        start();
        cluster.apply(OperatorTest.INSTANCE);
        MockCluster.await("the Ready condition", OperatorTest.WAIT,
                () -> cluster.policiesCondition().map(c -> c.getStatus().equals("True")).orElse(false));
        assertFalse(blocks().isPresent(), "no ClusterPolicyBlocks condition where the kinds are not served");
        assertEquals(0.0, gauge());
        assertTrue(requests().stream().noneMatch(r -> r.getPath().startsWith("/apis/policy.networking.k8s.io/v1alpha1/")),
                "no list or watch of a kind the API does not serve");
    }

    /** The operator reads the administrator's policies and never writes them (nor could it: its RBAC is read only). */
    private void assertNoWriteOfClusterPolicies() throws InterruptedException {
        List<RecordedRequest> writes = requests().stream().filter(r -> r.getPath().startsWith("/apis/policy.networking.k8s.io/")
                && Set.of("POST", "PUT", "PATCH", "DELETE").contains(r.getMethod())).toList();
        // The test's own create and delete, nothing else.
        assertEquals(2, writes.size(), writes.toString());
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        return cluster.drainRequests();
    }
}
