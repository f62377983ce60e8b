package dev.esnetpol.analyze;

/**
 * The two points where the cluster-scoped policy API leaves the reading open, each one switch read here and
 * nowhere else (docs/analyzer-semantics.md, "Cluster-scoped policies"). {@link ClusterPolicyWarnings} warns
 * when an input depends on either.
 *
 * @param equalPriority how Admin-tier policies of equal priority are ordered. The API: "If two (or more)
 *                      policies in the same tier with the same priority could match a connection, then the
 *                      implementation can apply any of the matching policies" (v1alpha2
 *                      {@code ClusterNetworkPolicySpec.Priority}; v1alpha1 {@code AdminNetworkPolicySpec.Priority}
 *                      says the same).
 * @param emptyPeers    how a rule with an empty {@code from}/{@code to} list is read. The CRDs require at least
 *                      one peer (MinItems=1), so an API server refuses it, but a manifest may hold one; the API's
 *                      rule for a peer it cannot read is "fail closed": "For Accept rules, treat the rule as
 *                      matching no traffic. For Deny and Pass rules, treat the rule as a 'Deny all' rule"
 *                      ({@code ClusterNetworkPolicyIngressPeer}).
 */
public record TierChoices(EqualPriority equalPriority, EmptyPeers emptyPeers) {

    /** The choices every profile makes today. */
    public static final TierChoices DEFAULT = new TierChoices(EqualPriority.NAME_ORDER, EmptyPeers.FAIL_CLOSED);

    public enum EqualPriority {
        /** By kind, then {@code metadata.name}: deterministic, and what a user can reproduce by hand. */
        NAME_ORDER
    }

    public enum EmptyPeers {
        /** Accept: matches nothing; Deny and Pass: deny every peer (the API's fail-closed rule). */
        FAIL_CLOSED,
        /** Matches nothing, whatever the action. */
        MATCH_NOTHING
    }
}
