package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;

/**
 * One ingress or egress rule of a policy, prepared for fast evaluation: the pod classes its peers match
 * (a bit set, ipBlocks included when the profile lets them match pods), whether it matches every peer
 * (absent or empty {@code from}/{@code to}), and its ports (empty: absent or empty {@code ports}, every
 * protocol). A rule with no named port admits the same connections to every destination, computed once.
 */
final class CompiledRule {

    final CompiledPolicy policy;
    final int index;
    final boolean ingress;
    final List<NetworkPolicyPeer> peers;
    final boolean allPeers;
    final BitSet podClasses;
    final List<PortMatcher> ports;
    private final List<IpBlockMatcher> ipBlocks;
    private final Connections fixed;

    CompiledRule(CompiledPolicy policy, int index, boolean ingress, List<NetworkPolicyPeer> peers, BitSet podClasses,
                 List<PortMatcher> ports) {
        this.policy = policy;
        this.index = index;
        this.ingress = ingress;
        this.peers = peers == null ? List.of() : peers;
        this.allPeers = this.peers.isEmpty();
        this.podClasses = podClasses;
        this.ports = ports;
        this.ipBlocks = this.peers.stream().filter(p -> p.getIpBlock() != null).map(p -> IpBlockMatcher.of(p.getIpBlock())).toList();
        this.fixed = PortMatcher.fixed(ports);
    }

    /** Its ipBlock peers, parsed. */
    List<IpBlockMatcher> ipBlocks() {
        return ipBlocks;
    }

    boolean matchesClass(int podClass) {
        return allPeers || podClasses.get(podClass);
    }

    boolean matchesAddress(BigInteger address, boolean ipv6) {
        if (allPeers) {
            return true;
        }
        for (IpBlockMatcher block : ipBlocks) {
            if (block.matches(address, ipv6)) {
                return true;
            }
        }
        return false;
    }

    /** Whether it admits the same connections to every destination (no named port). */
    boolean isFixed() {
        return fixed != null;
    }

    /** The connections this rule admits towards {@code destination} (null: outside the cluster). */
    Connections connectionsTo(Pod destination) {
        if (fixed != null) {
            return fixed;
        }
        return PortMatcher.towards(ports, destination); // ports is not empty here: an empty list is fixed (ALL)
    }

    /** Its ports as people read them: {@code [80/TCP, http/TCP]}, or {@code all} (no ports list: every protocol). */
    String portsText() {
        return ports.isEmpty() ? "all" : ports.toString();
    }

    /** {@code ns/name ingress rule #2}, numbered from 1 as people count. */
    String label() {
        return policy.name() + " " + (ingress ? "ingress" : "egress") + " rule #" + (index + 1);
    }
}
