package dev.esnetpol.analyze;

import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of one class against every class at once, as ids in a {@link ConnectionsTable}: what a
 * destination's ingress admits from each source class, or what a source's egress lets out to each destination
 * class. Walks each rule's matching classes instead of asking each class about each rule, so a pass costs what
 * the rules match (classes × rules matched), and each step is a remembered set operation on ids, never a new set.
 * One instance serves a whole matrix (its walk and its per-rule ids are reused); it is not thread-safe.
 */
final class EveryClass {

    private final Analyzer a;
    private final ConnectionsTable table;
    private final int n;
    private final TierWalk walk;
    /** Rules whose ports are the same towards every destination: their one id. */
    private final Map<Object, Integer> fixedIds = new IdentityHashMap<>();
    /** Cluster rules with named ports: their id per destination class, -1 where not computed yet. */
    private final Map<TierRule, int[]> namedIds = new IdentityHashMap<>();

    EveryClass(Analyzer a, ConnectionsTable table) {
        this.a = a;
        this.table = table;
        this.n = a.classes.classes.size();
        this.walk = a.tiers.any ? new TierWalk(table, n) : null;
    }

    /** Indexed by source class; null where nothing is admitted. */
    static Connections[] ingressFrom(Analyzer a, int destination) {
        EveryClass every = new EveryClass(a, new ConnectionsTable());
        return every.objects(every.ingressFrom(destination, new int[every.n]));
    }

    /** Indexed by destination class; null where nothing is let out. */
    static Connections[] egressTo(Analyzer a, int source) {
        EveryClass every = new EveryClass(a, new ConnectionsTable());
        return every.objects(every.egressTo(source, new int[every.n]));
    }

    private Connections[] objects(int[] ids) {
        Connections[] out = new Connections[n];
        for (int i = 0; i < n; i++) {
            out[i] = ids == null ? Connections.ALL : ids[i] == ConnectionsTable.NONE ? null : table.get(ids[i]);
        }
        return out;
    }

    /**
     * What {@code destination}'s ingress admits from each source class, written into {@code out} (ids); null
     * (and {@code out} untouched) when it admits everything from every class.
     */
    int[] ingressFrom(int destination, int[] out) {
        boolean isolated = networkPolicyIngressFrom(destination, out);
        if (!a.tiers.any) {
            return isolated ? out : null;
        }
        return throughTiers(a.tiers.adminIngress.get(destination), a.tiers.baselineIngress.get(destination), isolated, out,
                destination, true);
    }

    /**
     * What {@code source}'s egress lets out to each destination class, written into {@code out} (ids); null (and
     * {@code out} untouched) when it lets everything out to every class.
     */
    int[] egressTo(int source, int[] out) {
        boolean isolated = networkPolicyEgressTo(source, out);
        if (!a.tiers.any) {
            return isolated ? out : null;
        }
        return throughTiers(a.tiers.adminEgress.get(source), a.tiers.baselineEgress.get(source), isolated, out, source, false);
    }

    /**
     * One side of one class against every class through the tiers ({@link TierWalk}): each rule is applied to
     * the classes its peers match; {@code out} holds what the NetworkPolicies admit when {@code isolated}; named
     * ports resolve on {@code self} (ingress) or on each other class (egress).
     */
    private int[] throughTiers(List<TierRule> admin, List<TierRule> baseline, boolean isolated, int[] out, int self, boolean ingress) {
        if (admin.isEmpty() && (isolated || baseline.isEmpty())) {
            return isolated ? out : null; // no cluster rule applies: the NetworkPolicies' (or the default's) answer
        }
        walk.start();
        for (TierRule r : admin) {
            for (int o = r.everyone ? 0 : r.classes.nextSetBit(0); o >= 0 && o < n; o = r.everyone ? o + 1 : r.classes.nextSetBit(o + 1)) {
                walk.admin(o, r.action(), towards(r, ingress ? self : o));
            }
        }
        walk.endAdmin();
        if (isolated) {
            for (int o = 0; o < n; o++) {
                if (!walk.untouched(o)) { // untouched: no Admin rule matched, the NetworkPolicies' answer as it is
                    walk.networkPolicies(o, out[o]);
                    out[o] = walk.result(o);
                }
            }
            return out;
        }
        for (TierRule r : baseline) {
            for (int o = r.everyone ? 0 : r.classes.nextSetBit(0); o >= 0 && o < n; o = r.everyone ? o + 1 : r.classes.nextSetBit(o + 1)) {
                walk.baseline(o, r.action(), towards(r, ingress ? self : o));
            }
        }
        for (int o = 0; o < n; o++) {
            out[o] = walk.untouched(o) ? ConnectionsTable.ALL : walk.result(o);
        }
        return out;
    }

    /** The id of what cluster rule {@code r} applies to towards class {@code destination}. */
    private int towards(TierRule r, int destination) {
        if (r.isFixed()) {
            return fixedIds.computeIfAbsent(r, k -> table.id(r.connectionsTo(null)));
        }
        int[] ids = namedIds.computeIfAbsent(r, k -> {
            int[] fresh = new int[n];
            Arrays.fill(fresh, -1);
            return fresh;
        });
        if (ids[destination] < 0) {
            ids[destination] = table.id(r.connectionsTo(a.classes.classes.get(destination).representative));
        }
        return ids[destination];
    }

    /** What the destination's NetworkPolicies alone admit, into {@code out} by source class; false (out untouched) when none isolates it. */
    private boolean networkPolicyIngressFrom(int destination, int[] out) {
        if (a.compiled.ingressPolicies.get(destination).isEmpty()) {
            return false;
        }
        Arrays.fill(out, ConnectionsTable.NONE);
        Pod dst = a.classes.classes.get(destination).representative;
        for (CompiledRule r : a.compiled.ingressRules.get(destination)) {
            int c = r.isFixed() ? fixedIds.computeIfAbsent(r, k -> table.id(r.connectionsTo(null))) : table.id(r.connectionsTo(dst));
            if (c == ConnectionsTable.NONE) {
                continue;
            }
            if (r.allPeers) {
                for (int s = 0; s < n; s++) {
                    out[s] = table.union(out[s], c);
                }
            } else {
                BitSet b = r.podClasses;
                for (int s = b.nextSetBit(0); s >= 0; s = b.nextSetBit(s + 1)) {
                    out[s] = table.union(out[s], c);
                }
            }
        }
        return true;
    }

    /** What the source's NetworkPolicies alone let out, into {@code out} by destination class; false (out untouched) when none isolates it. */
    private boolean networkPolicyEgressTo(int source, int[] out) {
        if (a.compiled.egressPolicies.get(source).isEmpty()) {
            return false;
        }
        Arrays.fill(out, ConnectionsTable.NONE);
        List<PodClass> classes = a.classes.classes;
        for (CompiledRule r : a.compiled.egressRules.get(source)) {
            int fixed = r.isFixed() ? fixedIds.computeIfAbsent(r, k -> table.id(r.connectionsTo(null))) : -1;
            if (fixed == ConnectionsTable.NONE) {
                continue;
            }
            if (r.allPeers) {
                for (int d = 0; d < n; d++) {
                    out[d] = table.union(out[d], fixed >= 0 ? fixed : table.id(r.connectionsTo(classes.get(d).representative)));
                }
            } else {
                BitSet b = r.podClasses;
                for (int d = b.nextSetBit(0); d >= 0; d = b.nextSetBit(d + 1)) {
                    out[d] = table.union(out[d], fixed >= 0 ? fixed : table.id(r.connectionsTo(classes.get(d).representative)));
                }
            }
        }
        return true;
    }
}
