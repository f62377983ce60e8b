package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The administrator's cluster-scoped policy kinds the API server serves, asked of API discovery once at start
 * ({@code /apis/policy.networking.k8s.io/<version>}): {@code v1alpha1} AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy (OVN-Kubernetes, OpenShift), {@code v1alpha2} ClusterNetworkPolicy (network-policy-api
 * v0.2.0: Calico, Antrea, the AWS agent). The operator watches the served ones and never writes them: an
 * administrator's policies are not es-netpol's to change (issue 20). A kind not served is one INFO line, not an
 * error: most clusters serve none of them.
 */
final class ClusterPolicyKinds {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterPolicyKinds.class);

    /** The API group of the three kinds (sig-network's network-policy-api). */
    static final String GROUP = "policy.networking.k8s.io";

    /** One kind: its version, kind and plural resource name, as network-policy-api's CRDs declare them. */
    record Kind(String version, String kind, String plural) {
        GroupVersionKind gvk() {
            return new GroupVersionKind(GROUP, version, kind);
        }
    }

    /** Every kind es-netpol's analyzer reads (analyze/ClusterPolicyReader), in the order they are logged. */
    static final List<Kind> ALL = List.of(
            new Kind("v1alpha1", "AdminNetworkPolicy", "adminnetworkpolicies"),
            new Kind("v1alpha1", "BaselineAdminNetworkPolicy", "baselineadminnetworkpolicies"),
            new Kind("v1alpha2", "ClusterNetworkPolicy", "clusternetworkpolicies"));

    private ClusterPolicyKinds() {
    }

    /** The kinds of {@link #ALL} the cluster serves, with one INFO line for each that it does not. */
    static List<Kind> served(KubernetesClient client) {
        List<Kind> served = new ArrayList<>();
        for (Kind k : ALL) {
            Optional<Set<String>> resources = resources(client, k.version());
            if (resources.map(r -> r.contains(k.plural())).orElse(false)) {
                served.add(k);
            } else {
                LOG.info("API discovery: {}/{} {} not served: the operator does not watch it", GROUP, k.version(), k.kind());
            }
        }
        if (!served.isEmpty()) {
            LOG.info("API discovery: watching the administrator's {} (read only) for documented flows they block",
                    served.stream().map(Kind::kind).toList());
        }
        return List.copyOf(served);
    }

    /** The plural names served at a version of the group; empty when discovery does not list it. */
    private static Optional<Set<String>> resources(KubernetesClient client, String version) {
        try {
            APIResourceList list = client.getApiResources(GROUP + "/" + version);
            return list == null || list.getResources() == null ? Optional.empty()
                    : Optional.of(list.getResources().stream().map(r -> r.getName()).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
