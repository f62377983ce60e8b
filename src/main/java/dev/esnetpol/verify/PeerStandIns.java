package dev.esnetpol.verify;

import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.SelectorTerms;
import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For NetworkPolicy peers (a listener's {@code networkPolicyPeers}, an external target's block), one concrete
 * stand-in each peer admits: a pod with labels that satisfy its pod selector, in a namespace whose labels
 * satisfy its namespace selector, or an address inside its ipBlock and outside its exceptions. verify
 * connects from (to) them to prove the listener (target) open to the peers the user named.
 */
final class PeerStandIns {

    /** A stand-in for one peer, with the namespace it needs (when it is not the instance's). */
    record StandIn(End end, Optional<Namespace> namespace) {
    }

    private PeerStandIns() {
    }

    /** @param role the role of the stand-in for peer number {@code i} (from 1) */
    static List<StandIn> of(List<NetworkPolicyPeer> peers, String instanceNamespace, String name, java.util.function.IntFunction<Role> role) {
        List<StandIn> out = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Role r = role.apply(i + 1);
            standIn(peers.get(i), instanceNamespace, "probe-" + name + "-peer-" + (i + 1))
                    .map(w -> new StandIn(new End(w.node(), r), w.namespace())).ifPresent(out::add);
        }
        return out;
    }

    private record Found(Node node, Optional<Namespace> namespace) {
    }

    private static Optional<Found> standIn(NetworkPolicyPeer peer, String instanceNamespace, String name) {
        if (peer.getIpBlock() != null) {
            Cidr block = Cidr.parse(peer.getIpBlock().getCidr());
            BigInteger candidate = block.first();
            List<Cidr> except = peer.getIpBlock().getExcept() == null ? List.of() : peer.getIpBlock().getExcept().stream().map(Cidr::parse).toList();
            for (Cidr e : except.stream().sorted((a, b) -> a.first().compareTo(b.first())).toList()) {
                if (e.contains(candidate, block.ipv6())) {
                    candidate = e.last().add(BigInteger.ONE);
                }
            }
            return candidate.compareTo(block.last()) <= 0
                    ? Optional.of(new Found(new Node.ExternalNode(candidate, block.ipv6()), Optional.empty())) : Optional.empty();
        }
        Optional<Map<String, String>> podLabels = labelsFor(peer.getPodSelector());
        Optional<Map<String, String>> nsLabels = labelsFor(peer.getNamespaceSelector());
        if (podLabels.isEmpty() || nsLabels.isEmpty()) {
            return Optional.empty();
        }
        if (peer.getNamespaceSelector() == null) {
            return Optional.of(new Found(Node.of(PodNetwork.pod(instanceNamespace, name, podLabels.get())), Optional.empty()));
        }
        // A selector on the name label can only be met by the namespace of that name.
        String nsName = nsLabels.get().getOrDefault(Namespace.NAME_LABEL, "es-netpol-" + name);
        Namespace ns = new Namespace(nsName, nsLabels.get());
        return Optional.of(new Found(Node.of(PodNetwork.pod(ns.name(), name, podLabels.get())), Optional.of(ns)));
    }

    /**
     * The fewest labels that satisfy the selector (null selects all: no labels needed), or empty when none can
     * ({@link SelectorTerms#witness}, the exposure analysis's witness too).
     */
    static Optional<Map<String, String>> labelsFor(LabelSelector selector) {
        return SelectorTerms.of(selector).witness(StandIns.PROBE_LABEL_VALUE);
    }
}
