package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One rule of a {@link ClusterPolicy} compiled against the pod classes: the classes its peers match at the
 * other end (a bit set), the outside addresses they match (networks, and the addresses of the Node objects a
 * nodes peer selects), and its ports. A rule without a port list admits the same connections to every
 * destination, computed once.
 */
final class TierRule {

    final ClusterPolicy policy;
    final ClusterPolicy.Rule rule;
    final boolean ingress;
    final BitSet classes;
    /** Every peer, pods and addresses alike: an empty peer list read as failing closed (see {@link TierChoices}). */
    final boolean everyone;
    /** The CIDRs of networks peers, and each selected node address as a /32 or /128. */
    final List<Cidr> addresses;
    /** The domain names of its domainNames peers: which addresses they are, only DNS knows. */
    final List<String> domainNames;
    private final Connections fixed;

    TierRule(ClusterPolicy policy, ClusterPolicy.Rule rule, boolean ingress, BitSet classes, boolean everyone, List<Cidr> addresses) {
        this.policy = policy;
        this.rule = rule;
        this.ingress = ingress;
        this.classes = classes;
        this.everyone = everyone;
        this.addresses = List.copyOf(addresses);
        List<String> names = new ArrayList<>();
        rule.peers().forEach(p -> {
            if (p instanceof ClusterPeer.DomainNames d) {
                names.addAll(d.names());
            }
        });
        this.domainNames = List.copyOf(names);
        this.fixed = PortMatcher.fixed(rule.ports());
    }

    ClusterPolicy.Action action() {
        return rule.action();
    }

    boolean matchesClass(int podClass) {
        return everyone || classes.get(podClass);
    }

    boolean matchesAddress(BigInteger address, boolean ipv6) {
        if (everyone) {
            return true;
        }
        for (Cidr c : addresses) {
            if (c.contains(address, ipv6)) {
                return true;
            }
        }
        return false;
    }

    boolean isFixed() {
        return fixed != null;
    }

    /** What it applies to towards {@code destination} (null: outside the cluster, which has no named ports). */
    Connections connectionsTo(Pod destination) {
        if (fixed != null) {
            return fixed;
        }
        return PortMatcher.towards(rule.ports(), destination);
    }

    /** {@code AdminNetworkPolicy `sandbox-deny` ingress rule #2 (priority 10)}. */
    String label() {
        return policy.label() + " " + (ingress ? "ingress" : "egress") + " " + policy.ruleLabel(rule);
    }

    String portsText() {
        return rule.ports().isEmpty() ? "all" : rule.ports().toString();
    }
}
