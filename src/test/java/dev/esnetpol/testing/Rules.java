package dev.esnetpol.testing;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Questions about the rules of one rendered policy, for the generator's unit tests. Deliberately
 * literal (it looks for a rule that names the port and the peer) rather than a second implementation of
 * NetworkPolicy semantics: the analyzer's tests prove the semantics.
 */
public final class Rules {

    private Rules() {
    }

    /** A peer that is exactly a pod selector with these labels, in the policy's namespace. */
    public static Predicate<NetworkPolicyPeer> pods(Map<String, String> labels) {
        return p -> p.getNamespaceSelector() == null && p.getIpBlock() == null && selects(p.getPodSelector(), labels);
    }

    /**
     * A peer that admits a pod carrying these labels in the policy's namespace (its pod selector's labels are
     * among them; no namespace selector, or one that selects every namespace). What a peer means, not its shape.
     */
    public static Predicate<NetworkPolicyPeer> admitsPod(Map<String, String> labels) {
        return p -> p.getIpBlock() == null && p.getPodSelector() != null
                && (p.getPodSelector().getMatchExpressions() == null || p.getPodSelector().getMatchExpressions().isEmpty())
                && labels.entrySet().containsAll(matchLabels(p.getPodSelector()).entrySet())
                && (p.getNamespaceSelector() == null || (matchLabels(p.getNamespaceSelector()).isEmpty()
                        && (p.getNamespaceSelector().getMatchExpressions() == null || p.getNamespaceSelector().getMatchExpressions().isEmpty())));
    }

    /** The cluster operator's peer: its pod label in any namespace (or the namespaces with these labels). */
    public static Predicate<NetworkPolicyPeer> operator(Map<String, String> namespaceLabels) {
        return p -> p.getNamespaceSelector() != null && p.getIpBlock() == null
                && matchLabels(p.getNamespaceSelector()).equals(namespaceLabels)
                && selects(p.getPodSelector(), Map.of("app.kubernetes.io/name", "eventstreams-operator"));
    }

    public static boolean admitsFromAnywhere(NetworkPolicy policy, int port) {
        return ingress(policy).stream().anyMatch(r -> hasPort(r.getPorts(), port) && (r.getFrom() == null || r.getFrom().isEmpty()));
    }

    public static boolean admits(NetworkPolicy policy, int port, Predicate<NetworkPolicyPeer> peer) {
        return ingress(policy).stream().anyMatch(r -> hasPort(r.getPorts(), port) && r.getFrom() != null && r.getFrom().stream().anyMatch(peer));
    }

    /** Whether any ingress rule names the port at all. */
    public static boolean opens(NetworkPolicy policy, int port) {
        return ingress(policy).stream().anyMatch(r -> hasPort(r.getPorts(), port));
    }

    public static boolean letsOut(NetworkPolicy policy, int port, String protocol, Predicate<NetworkPolicyPeer> peer) {
        return egress(policy).stream().anyMatch(r -> hasPort(r.getPorts(), port, protocol) && r.getTo() != null && r.getTo().stream().anyMatch(peer));
    }

    public static boolean letsOutAnywhere(NetworkPolicy policy, int port, String protocol) {
        return egress(policy).stream().anyMatch(r -> hasPort(r.getPorts(), port, protocol) && (r.getTo() == null || r.getTo().isEmpty()));
    }

    public static List<NetworkPolicyIngressRule> ingress(NetworkPolicy p) {
        return p.getSpec().getIngress() == null ? List.of() : p.getSpec().getIngress();
    }

    public static List<NetworkPolicyEgressRule> egress(NetworkPolicy p) {
        return p.getSpec().getEgress() == null ? List.of() : p.getSpec().getEgress();
    }

    public static Map<String, String> matchLabels(LabelSelector s) {
        return s == null || s.getMatchLabels() == null ? Map.of() : s.getMatchLabels();
    }

    private static boolean selects(LabelSelector s, Map<String, String> labels) {
        return s != null && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()) && matchLabels(s).equals(labels);
    }

    private static boolean hasPort(List<NetworkPolicyPort> ports, int port) {
        return hasPort(ports, port, "TCP");
    }

    /** As the API reads a rule's ports: no list is every port; an entry without a port is every port of its protocol. */
    private static boolean hasPort(List<NetworkPolicyPort> ports, int port, String protocol) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol())
                && (p.getPort() == null || p.getPort().getIntVal() != null && p.getPort().getIntVal() == port));
    }
}
