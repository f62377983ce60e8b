package dev.esnetpol.analyze;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One side of connections (a pod's ingress or egress) through the tiers, for many other ends at once (indexed
 * 0..n-1): the Admin tier's rules in order, where the first rule that matches a connection decides it (Accept,
 * Deny; Pass hands it on, skipping the rest of the tier); then, for what the Admin tier left, the pod's
 * NetworkPolicies when some isolate it (they decide everything left: what they do not admit is denied); else
 * the Baseline tier's rules in order; what nothing decided is allowed. Source: network-policy-api v1alpha2
 * {@code ClusterNetworkPolicySpec.Tier} and the rule actions' documentation; the same order for v1alpha1.
 *
 * <p>Sets are ids in a {@link ConnectionsTable}, whose unions and intersections are remembered: a step is an
 * array look-up, not a new set (a matrix walks rules × matched classes of steps per class, millions at 5,000
 * pods). Only the ends some rule touched are reset between walks, so a walk costs what its rules match.
 *
 * <p>Call {@link #start()}, then {@link #admin} for each Admin rule in order, then {@link #endAdmin()}, then
 * either {@link #networkPolicies} or {@link #baseline} for each Baseline rule in order, then {@link #result}.
 */
final class TierWalk {

    private final ConnectionsTable table;
    private final int[] allowed;
    /** What an Admin rule has matched so far (Pass included: later Admin rules skip it). */
    private final int[] adminSeen;
    /** What the Admin tier decided (Accept or Deny): no lower tier sees it. */
    private final int[] adminDecided;
    private final int[] baselineSeen;
    /** What the Admin tier left to the lower tiers; {@link ConnectionsTable#ALL} where no Admin rule matched. */
    private final int[] rest;
    private boolean networkPolicies;
    /** The ends some rule matched: the others are what the NetworkPolicies (or the default) say, computed by no set operation. */
    private final BitSet touched = new BitSet();

    TierWalk(ConnectionsTable table, int n) {
        this.table = table;
        allowed = new int[n];
        adminSeen = new int[n];
        adminDecided = new int[n];
        baselineSeen = new int[n];
        rest = new int[n];
        Arrays.fill(rest, ConnectionsTable.ALL);
    }

    /** A new walk: clears what the last one touched (and only that). */
    void start() {
        for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
            allowed[i] = adminSeen[i] = adminDecided[i] = baselineSeen[i] = ConnectionsTable.NONE;
            rest[i] = ConnectionsTable.ALL;
        }
        touched.clear();
        networkPolicies = false;
    }

    /** Admin rule with {@code action} matches connections {@code matched} (an id) towards end {@code i}. */
    void admin(int i, ClusterPolicy.Action action, int matched) {
        int c = table.minus(matched, adminSeen[i]);
        if (c == ConnectionsTable.NONE) {
            return;
        }
        touched.set(i);
        adminSeen[i] = table.union(adminSeen[i], c);
        if (action == ClusterPolicy.Action.PASS) {
            return;
        }
        adminDecided[i] = table.union(adminDecided[i], c);
        if (action == ClusterPolicy.Action.ACCEPT) {
            allowed[i] = table.union(allowed[i], c);
        }
    }

    /** The Admin tier is done: what it left goes to the next tier. */
    void endAdmin() {
        for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
            rest[i] = table.minus(ConnectionsTable.ALL, adminDecided[i]);
        }
    }

    /** Whether no rule matched end {@code i} so far: its answer is the NetworkPolicies' (or everything). */
    boolean untouched(int i) {
        return !touched.get(i);
    }

    /** The pod's NetworkPolicies isolate it on this side and admit {@code admitted} (an id; NONE: nothing). */
    void networkPolicies(int i, int admitted) {
        networkPolicies = true;
        allowed[i] = table.union(allowed[i], table.intersect(admitted, rest[i]));
    }

    /** Baseline rule with {@code action} matches connections {@code matched} (an id) towards end {@code i}. */
    void baseline(int i, ClusterPolicy.Action action, int matched) {
        int c = table.minus(table.intersect(matched, rest[i]), baselineSeen[i]);
        if (c == ConnectionsTable.NONE) {
            return;
        }
        touched.set(i);
        baselineSeen[i] = table.union(baselineSeen[i], c);
        if (action != ClusterPolicy.Action.DENY) {
            allowed[i] = table.union(allowed[i], c); // Pass in the Baseline tier hands over to the default, which allows
        }
    }

    /** What the side allows towards end {@code i}, an id. */
    int result(int i) {
        if (networkPolicies) {
            return allowed[i];
        }
        return table.union(allowed[i], table.minus(rest[i], baselineSeen[i]));
    }

    /**
     * One side of one connection through the tiers: the Admin rules that match it in order, then the
     * NetworkPolicies when they isolate the pod ({@code networkPolicies} is what they admit), else the Baseline
     * rules; {@code destination} resolves named ports (null: outside the cluster).
     */
    static Connections side(java.util.List<TierRule> admin, java.util.List<TierRule> baseline, boolean isolated,
                            java.util.function.Supplier<Connections> networkPolicies,
                            java.util.function.Predicate<TierRule> matches, Pod destination) {
        ConnectionsTable table = new ConnectionsTable();
        TierWalk w = new TierWalk(table, 1);
        for (TierRule r : admin) {
            if (matches.test(r)) {
                w.admin(0, r.action(), table.id(r.connectionsTo(destination)));
            }
        }
        w.endAdmin();
        if (isolated) {
            Connections admitted = networkPolicies.get();
            w.networkPolicies(0, admitted == null ? ConnectionsTable.NONE : table.id(admitted));
        } else {
            for (TierRule r : baseline) {
                if (matches.test(r)) {
                    w.baseline(0, r.action(), table.id(r.connectionsTo(destination)));
                }
            }
        }
        return table.get(w.result(0));
    }
}
