package dev.esnetpol.analyze;

/**
 * One side of connections (a pod's ingress or egress) through the tiers, for many other ends at once (indexed
 * 0..n-1): the Admin tier's rules in order, where the first rule that matches a connection decides it (Accept,
 * Deny; Pass hands it on, skipping the rest of the tier); then, for what the Admin tier left, the pod's
 * NetworkPolicies when some isolate it (they decide everything left: what they do not admit is denied); else
 * the Baseline tier's rules in order; what nothing decided is allowed. Source: network-policy-api v1alpha2
 * {@code ClusterNetworkPolicySpec.Tier} and the rule actions' documentation; the same order for v1alpha1.
 *
 * <p>Call {@link #admin} for each Admin rule in order, then {@link #endAdmin()}, then either
 * {@link #networkPolicies} or {@link #baseline} for each Baseline rule in order, then {@link #result}.
 */
final class TierWalk {

    private final Connections[] allowed;
    /** What an Admin rule has matched so far (Pass included: later Admin rules skip it). */
    private final Connections[] adminSeen;
    /** What the Admin tier decided (Accept or Deny): no lower tier sees it. */
    private final Connections[] adminDecided;
    private final Connections[] baselineSeen;
    private Connections[] rest;
    private boolean networkPolicies;
    /** The ends some rule matched: the others are what the NetworkPolicies (or the default) say, computed by no set operation. */
    private final java.util.BitSet touched = new java.util.BitSet();

    TierWalk(int n) {
        allowed = filled(n);
        adminSeen = filled(n);
        adminDecided = filled(n);
        baselineSeen = filled(n);
    }

    private static Connections[] filled(int n) {
        Connections[] a = new Connections[n];
        java.util.Arrays.fill(a, Connections.NONE);
        return a;
    }

    void admin(int i, ClusterPolicy.Action action, Connections matched) {
        Connections c = adminSeen[i].isEmpty() ? matched : matched.minus(adminSeen[i]);
        if (c.isEmpty()) {
            return;
        }
        touched.set(i);
        adminSeen[i] = adminSeen[i].union(c);
        if (action == ClusterPolicy.Action.PASS) {
            return;
        }
        adminDecided[i] = adminDecided[i].union(c);
        if (action == ClusterPolicy.Action.ACCEPT) {
            allowed[i] = allowed[i].union(c);
        }
    }

    /** The Admin tier is done: what it left goes to the next tier. */
    void endAdmin() {
        rest = new Connections[allowed.length];
        java.util.Arrays.fill(rest, Connections.ALL);
        for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
            rest[i] = adminDecided[i].isEmpty() ? Connections.ALL : Connections.ALL.minus(adminDecided[i]);
        }
    }

    /** Whether no rule matched end {@code i} so far: its answer is the NetworkPolicies' (or everything). */
    boolean untouched(int i) {
        return !touched.get(i);
    }

    /** The pod's NetworkPolicies isolate it on this side and admit {@code admitted} (null: nothing). */
    void networkPolicies(int i, Connections admitted) {
        networkPolicies = true;
        if (admitted != null && !admitted.isEmpty()) {
            allowed[i] = allowed[i].union(rest[i] == Connections.ALL ? admitted : admitted.intersect(rest[i]));
        }
    }

    void baseline(int i, ClusterPolicy.Action action, Connections matched) {
        Connections c = rest[i] == Connections.ALL ? matched : matched.intersect(rest[i]);
        c = baselineSeen[i].isEmpty() ? c : c.minus(baselineSeen[i]);
        if (c.isEmpty()) {
            return;
        }
        touched.set(i);
        baselineSeen[i] = baselineSeen[i].union(c);
        if (action != ClusterPolicy.Action.DENY) {
            allowed[i] = allowed[i].union(c); // Pass in the Baseline tier hands over to the default, which allows
        }
    }

    /** What the side allows towards end {@code i}. */
    Connections result(int i) {
        if (networkPolicies) {
            return allowed[i];
        }
        if (baselineSeen[i].isEmpty()) {
            return rest[i] == Connections.ALL ? Connections.ALL : allowed[i].union(rest[i]);
        }
        Connections left = rest[i].minus(baselineSeen[i]);
        return left.isEmpty() ? allowed[i] : allowed[i].union(left);
    }

    /**
     * One side of one connection through the tiers: the Admin rules that match it in order, then the
     * NetworkPolicies when they isolate the pod ({@code networkPolicies} is what they admit), else the Baseline
     * rules; {@code destination} resolves named ports (null: outside the cluster).
     */
    static Connections side(java.util.List<TierRule> admin, java.util.List<TierRule> baseline, boolean isolated,
                            java.util.function.Supplier<Connections> networkPolicies,
                            java.util.function.Predicate<TierRule> matches, Pod destination) {
        TierWalk w = new TierWalk(1);
        for (TierRule r : admin) {
            if (matches.test(r)) {
                w.admin(0, r.action(), r.connectionsTo(destination));
            }
        }
        w.endAdmin();
        if (isolated) {
            w.networkPolicies(0, networkPolicies.get());
        } else {
            for (TierRule r : baseline) {
                if (matches.test(r)) {
                    w.baseline(0, r.action(), r.connectionsTo(destination));
                }
            }
        }
        return w.result(0);
    }
}
