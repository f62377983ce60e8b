package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.List;

/**
 * A cluster-scoped policy an administrator owns, in one shape for the three kinds that carry it:
 * {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy (tier Admin, actions Allow/Deny/Pass) and
 * BaselineAdminNetworkPolicy (tier Baseline, the singleton named {@code default}, actions Allow/Deny), and
 * {@code v1alpha2} ClusterNetworkPolicy ({@code spec.tier} Admin or Baseline, actions Accept/Deny/Pass).
 * Allow and Accept are one action. Read by {@link ClusterPolicyReader}; evaluated by {@link TierWalk}.
 *
 * <p>Source: network-policy-api {@code apis/v1alpha1/adminnetworkpolicy_types.go},
 * {@code baselineadminnetworkpolicy_types.go} and {@code apis/v1alpha2/clusternetworkpolicy_types.go}: the
 * Admin tier is evaluated before NetworkPolicies, by priority (0-1000, lower first), rules in written order;
 * the Baseline tier after them, for what no NetworkPolicy isolates; what no tier decides is allowed.
 *
 * @param kind     the object's kind, as written
 * @param name     {@code metadata.name}
 * @param priority {@code spec.priority}; 0 for a BaselineAdminNetworkPolicy, which has none
 * @param subject  the pods it applies to (never host-network pods)
 * @param ingress  {@code spec.ingress}, in order (empty when absent)
 * @param egress   {@code spec.egress}, in order
 */
public record ClusterPolicy(String kind, String name, Tier tier, int priority, Subject subject, List<Rule> ingress, List<Rule> egress) {

    public ClusterPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** Where a policy stands against NetworkPolicies: before them (Admin) or after them (Baseline). */
    public enum Tier {
        ADMIN("Admin"), BASELINE("Baseline");

        private final String text;

        Tier(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What a matching rule does: v1alpha1's Allow is v1alpha2's Accept. Pass hands the traffic to the next tier. */
    public enum Action {
        ACCEPT, DENY, PASS
    }

    /**
     * {@code spec.subject}: every pod of the namespaces selected ({@code pods} null), or the pods selected in them.
     * Host-network pods are never subjects (the API: "host-networked pods are not included in subject selection").
     */
    public record Subject(LabelSelector namespaces, LabelSelector pods) {
    }

    /**
     * One rule: {@code peers} ({@code from} for ingress, {@code to} for egress), and {@code ports} (empty: every
     * port of every protocol; v1alpha1 {@code ports}, v1alpha2 {@code protocols}).
     *
     * @param name  the rule's {@code name}, possibly empty
     * @param index its position in the list, from 0
     */
    public record Rule(String name, int index, Action action, List<ClusterPeer> peers, List<PortMatcher> ports) {

        public Rule {
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }
    }

    /** {@code AdminNetworkPolicy `sandbox-deny`}, how explanations name it. */
    public String label() {
        return kind + " `" + name + "`";
    }

    /** {@code rule #2 (priority 10)}, or for a BaselineAdminNetworkPolicy without priority {@code rule #2}. */
    public String ruleLabel(Rule rule) {
        return "rule #" + (rule.index() + 1) + (rule.name().isEmpty() ? "" : " `" + rule.name() + "`")
                + (kind.equals("BaselineAdminNetworkPolicy") ? "" : " (priority " + priority + ")");
    }
}
