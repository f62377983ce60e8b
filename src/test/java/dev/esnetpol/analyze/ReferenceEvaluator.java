package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;

/**
 * A deliberately plain, pod-by-pod reading of the NetworkPolicy API reference under one {@link Profile},
 * written apart from the analyzer (no classes, no bit sets, no compiled rules): the property tests compare
 * the two on random clusters. Answers one question: is protocol/port from one pod (or address) to another
 * allowed? The profile's switches are read here straight from their definitions: a pod that is not running
 * is no endpoint, a host-network pod is outside policy where the profile says so, an ipBlock matches a pod's
 * address where the profile says so, and an address that is exactly one endpoint's is that pod.
 */
final class ReferenceEvaluator {

    private final Cluster cluster;
    private final Profile profile;

    ReferenceEvaluator(Cluster cluster) {
        this(cluster, Profile.REFERENCE);
    }

    ReferenceEvaluator(Cluster cluster, Profile profile) {
        this.cluster = cluster;
        this.profile = profile;
    }

    private boolean endpoint(Pod p) {
        boolean stopped = "Succeeded".equals(p.phase()) || "Failed".equals(p.phase()) || (p.phase() != null && p.ips().isEmpty() && !p.hostNetwork());
        return !stopped || profile.stoppedPodsAreEndpoints();
    }

    private boolean outsidePolicy(Pod p) {
        return p.hostNetwork() && (!profile.hostNetworkPodsArePolicyEndpoints() || profile.hostNetworkNamespace() != null);
    }

    /** Under a profile with a host-network namespace: its labels, OpenShift's where the cluster does not label it. */
    private Map<String, String> hostNetworkLabels() {
        Namespace given = cluster.namespaces().get(profile.hostNetworkNamespace());
        return given != null && given.labels().size() > 1 ? given.labels()
                : new Namespace(profile.hostNetworkNamespace(), Profile.OPENSHIFT_HOST_NETWORK_LABELS).labels();
    }

    /** The address others see: the node's for a host-network pod with a known node address. */
    private List<String> addresses(Pod p) {
        return p.hostNetwork() && p.hostIp() != null ? List.of(p.hostIp()) : p.ips();
    }

    /** The one endpoint with this address, or null. */
    private Pod podAt(String ip) {
        java.math.BigInteger a = Cidr.ofAddress(ip).first();
        List<Pod> at = cluster.pods().stream().filter(this::endpoint)
                .filter(p -> addresses(p).stream().anyMatch(x -> Cidr.ofAddress(x).first().equals(a))).toList();
        return at.size() == 1 ? at.get(0) : null;
    }

    boolean allowed(Pod src, Pod dst, String protocol, int port) {
        if (!endpoint(src) || !endpoint(dst)) {
            return false;
        }
        if (src.equals(dst)) {
            return true;
        }
        return side(dst, src, null, true, protocol, port) && side(src, dst, null, false, protocol, port);
    }

    boolean allowedFromAddress(String ip, Pod dst, String protocol, int port) {
        Pod src = podAt(ip);
        if (src != null) {
            return allowed(src, dst, protocol, port);
        }
        return endpoint(dst) && side(dst, null, ip, true, protocol, port);
    }

    boolean allowedToAddress(Pod src, String ip, String protocol, int port) {
        Pod dst = podAt(ip);
        if (dst != null) {
            return allowed(src, dst, protocol, port);
        }
        return endpoint(src) && side(src, null, ip, false, protocol, port);
    }

    /**
     * Does {@code pod}'s side allow the connection with {@code otherPod} (or {@code otherIp})? With cluster-scoped
     * policies, read straight from the API's documentation: Admin-tier policies by priority (equal priorities in
     * kind and name order), rules in order, the first that matches decides (Pass: go on to the NetworkPolicies);
     * the NetworkPolicies if some isolate the pod; else the Baseline tier's first matching rule; else allowed.
     */
    private boolean side(Pod pod, Pod otherPod, String otherIp, boolean ingress, String protocol, int port) {
        if (!cluster.clusterPolicies().isEmpty()) {
            Boolean admin = tier(ClusterPolicy.Tier.ADMIN, pod, otherPod, otherIp, ingress, protocol, port);
            if (admin != null) {
                return admin;
            }
            if (isolatedByNetworkPolicies(pod, ingress)) {
                return networkPolicySide(pod, otherPod, otherIp, ingress, protocol, port);
            }
            Boolean baseline = tier(ClusterPolicy.Tier.BASELINE, pod, otherPod, otherIp, ingress, protocol, port);
            return baseline == null || baseline;
        }
        return networkPolicySide(pod, otherPod, otherIp, ingress, protocol, port);
    }

    /** The first matching rule's verdict in a tier (Pass: null, as when none matches). */
    private Boolean tier(ClusterPolicy.Tier tier, Pod pod, Pod otherPod, String otherIp, boolean ingress, String protocol, int port) {
        if (pod.hostNetwork()) {
            return null; // never a subject
        }
        List<ClusterPolicy> ordered = cluster.clusterPolicies().stream().filter(p -> p.tier() == tier)
                .sorted(java.util.Comparator.comparingInt(ClusterPolicy::priority).thenComparing(ClusterPolicy::kind).thenComparing(ClusterPolicy::name))
                .toList();
        for (ClusterPolicy p : ordered) {
            if (!selects(p.subject().namespaces(), cluster.namespace(pod.namespace()).labels())
                    || (p.subject().pods() != null && !selects(p.subject().pods(), pod.labels()))) {
                continue;
            }
            for (ClusterPolicy.Rule r : ingress ? p.ingress() : p.egress()) {
                Pod destination = ingress ? pod : otherPod;
                if (clusterPeersMatch(r, otherPod, otherIp) && clusterPortsMatch(r.ports(), destination, protocol, port)) {
                    return switch (r.action()) {
                        case ACCEPT -> true;
                        case DENY -> false;
                        case PASS -> tier == ClusterPolicy.Tier.ADMIN ? null : true;
                    };
                }
            }
        }
        return null;
    }

    private boolean clusterPeersMatch(ClusterPolicy.Rule r, Pod otherPod, String otherIp) {
        if (r.peers().isEmpty()) {
            return r.action() != ClusterPolicy.Action.ACCEPT; // fail closed
        }
        List<String> ips = otherIp != null ? List.of(otherIp) : addresses(otherPod);
        for (ClusterPeer peer : r.peers()) {
            if (peer instanceof ClusterPeer.Namespaces n && otherPod != null && !otherPod.hostNetwork()
                    && selects(n.selector(), cluster.namespace(otherPod.namespace()).labels())) {
                return true;
            }
            if (peer instanceof ClusterPeer.Pods n && otherPod != null && !otherPod.hostNetwork()
                    && selects(n.namespaces(), cluster.namespace(otherPod.namespace()).labels()) && selects(n.pods(), otherPod.labels())) {
                return true;
            }
            if (peer instanceof ClusterPeer.Nodes n) {
                for (HostNode node : cluster.nodes()) {
                    if (selects(n.selector(), node.labels()) && ips.stream().anyMatch(ip -> node.addresses().stream()
                            .anyMatch(a -> Cidr.ofAddress(a).first().equals(Cidr.ofAddress(ip).first())))) {
                        return true;
                    }
                }
            }
            if (peer instanceof ClusterPeer.Networks n && ips.stream().anyMatch(ip -> n.cidrs().stream().anyMatch(c -> c.contains(Cidr.ofAddress(ip))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean clusterPortsMatch(List<PortMatcher> ports, Pod destination, String protocol, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (PortMatcher p : ports) {
            if (p.name() != null) {
                if (destination != null && destination.ports().stream().anyMatch(np -> np.name().equals(p.name()) && np.protocol().equals(protocol) && np.port() == port)) {
                    return true;
                }
            } else if (p.protocol().equals(protocol) && port >= p.first() && port <= p.last()) {
                return true;
            }
        }
        return false;
    }

    private boolean isolatedByNetworkPolicies(Pod pod, boolean ingress) {
        if (outsidePolicy(pod)) {
            return false;
        }
        for (NetworkPolicy np : cluster.policies()) {
            if (np.getMetadata().getNamespace().equals(pod.namespace()) && selects(np.getSpec().getPodSelector(), pod.labels())) {
                List<String> types = np.getSpec().getPolicyTypes();
                boolean applies = types == null || types.isEmpty()
                        ? ingress || (np.getSpec().getEgress() != null && !np.getSpec().getEgress().isEmpty())
                        : types.contains(ingress ? "Ingress" : "Egress");
                if (applies) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The side as the pod's NetworkPolicies alone decide it. */
    private boolean networkPolicySide(Pod pod, Pod otherPod, String otherIp, boolean ingress, String protocol, int port) {
        if (outsidePolicy(pod)) {
            return true;
        }
        boolean isolated = false;
        for (NetworkPolicy np : cluster.policies()) {
            if (!np.getMetadata().getNamespace().equals(pod.namespace()) || !selects(np.getSpec().getPodSelector(), pod.labels())) {
                continue;
            }
            List<String> types = np.getSpec().getPolicyTypes();
            boolean applies;
            if (types == null || types.isEmpty()) {
                applies = ingress || (np.getSpec().getEgress() != null && !np.getSpec().getEgress().isEmpty());
            } else {
                applies = types.contains(ingress ? "Ingress" : "Egress");
            }
            if (!applies) {
                continue;
            }
            isolated = true;
            if (ingress && np.getSpec().getIngress() != null) {
                for (var rule : np.getSpec().getIngress()) {
                    if (peersMatch(rule.getFrom(), np, otherPod, otherIp) && portsMatch(rule.getPorts(), pod, protocol, port)) {
                        return true;
                    }
                }
            }
            if (!ingress && np.getSpec().getEgress() != null) {
                for (var rule : np.getSpec().getEgress()) {
                    if (peersMatch(rule.getTo(), np, otherPod, otherIp) && portsMatch(rule.getPorts(), otherPod, protocol, port)) {
                        return true;
                    }
                }
            }
        }
        return !isolated;
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy np, Pod otherPod, String otherIp) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                List<String> candidates = otherIp != null ? List.of(otherIp)
                        : profile.ipBlocksMatchPods() && (!outsidePolicy(otherPod) || profile.hostNetworkNamespace() != null)
                        ? addresses(otherPod) : List.of();
                for (String ip : candidates) {
                    Cidr address = Cidr.ofAddress(ip);
                    boolean in = Cidr.parse(peer.getIpBlock().getCidr()).contains(address);
                    if (peer.getIpBlock().getExcept() != null) {
                        for (String e : peer.getIpBlock().getExcept()) {
                            in &= !Cidr.parse(e).contains(address);
                        }
                    }
                    if (in) {
                        return true;
                    }
                }
                continue;
            }
            if (otherPod != null && otherPod.hostNetwork() && profile.hostNetworkNamespace() != null) {
                // Host-network traffic is the host-network namespace's, and carries no pod labels.
                LabelSelector pods = peer.getPodSelector();
                boolean emptyPods = pods == null || (selects(pods, Map.of()) && (pods.getMatchExpressions() == null
                        || pods.getMatchExpressions().isEmpty()));
                if (peer.getNamespaceSelector() != null && emptyPods && selects(peer.getNamespaceSelector(), hostNetworkLabels())) {
                    return true;
                }
                continue;
            }
            if (otherPod == null || outsidePolicy(otherPod)) {
                continue;
            }
            boolean nsOk;
            if (peer.getNamespaceSelector() == null) {
                nsOk = otherPod.namespace().equals(np.getMetadata().getNamespace());
            } else {
                nsOk = selects(peer.getNamespaceSelector(), cluster.namespace(otherPod.namespace()).labels());
            }
            boolean podOk = peer.getPodSelector() == null || selects(peer.getPodSelector(), otherPod.labels());
            if ((peer.getPodSelector() != null || peer.getNamespaceSelector() != null) && nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Pod destination, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getIntVal() != null) {
                int end = p.getEndPort() == null ? p.getPort().getIntVal() : p.getEndPort();
                if (port >= p.getPort().getIntVal() && port <= end) {
                    return true;
                }
            } else if (destination != null) {
                for (NamedPort np : destination.ports()) {
                    if (np.name().equals(p.getPort().getStrVal()) && np.protocol().equals(proto) && np.port() == port) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean selects(LabelSelector s, Map<String, String> labels) {
        if (s.getMatchLabels() != null) {
            for (var e : s.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (s.getMatchExpressions() != null) {
            for (var r : s.getMatchExpressions()) {
                String v = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> v != null && r.getValues().contains(v);
                    case "NotIn" -> v == null || !r.getValues().contains(v);
                    case "Exists" -> v != null;
                    default -> v == null;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
