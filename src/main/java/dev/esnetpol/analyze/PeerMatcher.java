package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;


/**
 * Whether one {@code from}/{@code to} peer matches a pod or an address. A pod selector alone means pods of
 * the policy's namespace; a namespace selector alone, every pod of the selected namespaces; both, the
 * selected pods of the selected namespaces (AND). An ipBlock matches addresses; whether it matches pods too
 * depends on the {@link Profile} and is decided by the analyzer (see {@link PodClasses}), not here.
 */
public final class PeerMatcher {

    private PeerMatcher() {
    }

    public static boolean matchesPod(NetworkPolicyPeer peer, String policyNamespace, Pod pod, Namespace podNamespace) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(policyNamespace)
                : LabelSelectors.matches(peer.getNamespaceSelector(), podNamespace.labels());
        return namespaceMatches && (peer.getPodSelector() == null || LabelSelectors.matches(peer.getPodSelector(), pod.labels()));
    }

    /** Whether the peer matches {@code node} for a policy of {@code policyNamespace} in {@code cluster}. */
    public static boolean matches(NetworkPolicyPeer peer, String policyNamespace, Node node, Cluster cluster) {
        if (node instanceof Node.PodNode p) {
            return matchesPod(peer, policyNamespace, p.pod(), cluster.namespace(p.pod().namespace()));
        }
        Node.ExternalNode a = (Node.ExternalNode) node;
        return peer.getIpBlock() != null && IpBlockMatcher.of(peer.getIpBlock()).matches(a.address(), a.ipv6());
    }

    /**
     * Whether the peer matches host-network traffic counted as {@code hostNetwork}'s (Profile#hostNetworkNamespace):
     * a namespace selector that selects it, with no pod selector or an empty one (the traffic has no pod labels).
     */
    static boolean matchesHostNetwork(NetworkPolicyPeer peer, Namespace hostNetwork) {
        if (peer.getIpBlock() != null || peer.getNamespaceSelector() == null) {
            return false;
        }
        var pods = peer.getPodSelector();
        boolean noPodLabels = pods == null || ((pods.getMatchLabels() == null || pods.getMatchLabels().isEmpty())
                && (pods.getMatchExpressions() == null || pods.getMatchExpressions().isEmpty()));
        return noPodLabels && LabelSelectors.matches(peer.getNamespaceSelector(), hostNetwork.labels());
    }

    static boolean matchesNamespace(NetworkPolicyPeer peer, String policyNamespace, Namespace namespace) {
        if (peer.getIpBlock() != null || (peer.getPodSelector() == null && peer.getNamespaceSelector() == null)) {
            return false;
        }
        return peer.getNamespaceSelector() == null ? namespace.name().equals(policyNamespace)
                : LabelSelectors.matches(peer.getNamespaceSelector(), namespace.labels());
    }
}
