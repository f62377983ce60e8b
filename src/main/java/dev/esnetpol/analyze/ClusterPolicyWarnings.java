package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user should know about the cluster-scoped policies of a cluster before trusting an answer: where the
 * answer depends on an open choice of the API ({@link TierChoices}: Admin policies of equal priority, a rule
 * with no peer), on DNS (domainNames peers), on Nodes the inputs do not hold (nodes peers), or on a named port
 * towards peers that have none. One line each, for the commands to print as warnings.
 */
public final class ClusterPolicyWarnings {

    private ClusterPolicyWarnings() {
    }

    public static List<String> of(Cluster cluster) {
        List<String> out = new ArrayList<>();
        Map<Integer, List<String>> adminByPriority = new TreeMap<>();
        for (ClusterPolicy p : cluster.clusterPolicies()) {
            if (p.tier() == ClusterPolicy.Tier.ADMIN) {
                adminByPriority.computeIfAbsent(p.priority(), k -> new ArrayList<>()).add(p.label());
            }
        }
        adminByPriority.forEach((priority, names) -> {
            if (names.size() > 1) {
                out.add("Admin-tier policies " + String.join(", ", names) + " share priority " + priority
                        + ": the API lets a plugin apply either first; es-netpol reads them in kind and name order (switch equalPriority, docs/analyzer-semantics.md)");
            }
        });
        long baselines = cluster.clusterPolicies().stream().filter(p -> p.kind().equals("BaselineAdminNetworkPolicy")).count();
        if (baselines > 1) {
            out.add(baselines + " BaselineAdminNetworkPolicies: a cluster holds one (named default); all are analysed");
        }
        for (ClusterPolicy p : cluster.clusterPolicies()) {
            rules(p, p.ingress(), true, cluster, out);
            rules(p, p.egress(), false, cluster, out);
        }
        return out;
    }

    private static void rules(ClusterPolicy p, List<ClusterPolicy.Rule> rules, boolean ingress, Cluster cluster, List<String> out) {
        for (ClusterPolicy.Rule r : rules) {
            String label = p.label() + " " + (ingress ? "ingress" : "egress") + " " + p.ruleLabel(r);
            if (r.peers().isEmpty()) {
                out.add(label + " has no peer (the API server requires one): read as "
                        + (r.action() == ClusterPolicy.Action.ACCEPT ? "matching nothing" : "matching every peer")
                        + ", the API's fail-closed rule (switch emptyPeers, docs/analyzer-semantics.md)");
            }
            List<String> domains = new ArrayList<>();
            boolean nodes = false;
            boolean addressed = false;
            for (ClusterPeer peer : r.peers()) {
                if (peer instanceof ClusterPeer.DomainNames d) {
                    domains.addAll(d.names());
                }
                nodes |= peer instanceof ClusterPeer.Nodes;
                addressed |= peer instanceof ClusterPeer.Nodes || peer instanceof ClusterPeer.Networks || peer instanceof ClusterPeer.DomainNames;
            }
            if (!domains.isEmpty()) {
                out.add(label + " names domains " + domains + ": which addresses they are depends on DNS; flows to outside addresses are "
                        + "analysed as if no address were one of them, and explain names the rule");
            }
            if (nodes && cluster.nodes().isEmpty()) {
                out.add(label + " selects nodes, and the inputs hold no Node: it matches no address (add `kubectl get nodes -o yaml`)");
            }
            if (addressed && r.ports().stream().anyMatch(PortMatcher::isNamed)) {
                out.add(label + " uses a named port towards networks, nodes or domain names, which have none (the CRDs' experimental "
                        + "channel refuses it): the named port matches only pods");
            }
        }
    }
}
