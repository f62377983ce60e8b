package dev.esnetpol.analyze;

import java.util.Arrays;

/**
 * One side of one class against every class at once: what a destination's ingress admits from each source
 * class, or what a source's egress lets out to each destination class. Walks each rule's matching classes
 * instead of asking each class about each rule, so a least-privilege pass over many pods touches only the
 * pairs that rules name.
 */
final class EveryClass {

    private EveryClass() {
    }

    /** Indexed by source class; null where nothing is admitted. */
    static Connections[] ingressFrom(Analyzer a, int destination) {
        if (!a.tiers.any) {
            return networkPolicyIngressFrom(a, destination);
        }
        Pod dst = a.classes.classes.get(destination).representative;
        boolean isolated = !a.compiled.ingressPolicies.get(destination).isEmpty();
        return throughTiers(a, a.tiers.adminIngress.get(destination), a.tiers.baselineIngress.get(destination), isolated,
                isolated ? networkPolicyIngressFrom(a, destination) : null, s -> dst);
    }

    /** Indexed by destination class; null where nothing is let out. */
    static Connections[] egressTo(Analyzer a, int source) {
        if (!a.tiers.any) {
            return networkPolicyEgressTo(a, source);
        }
        boolean isolated = !a.compiled.egressPolicies.get(source).isEmpty();
        return throughTiers(a, a.tiers.adminEgress.get(source), a.tiers.baselineEgress.get(source), isolated,
                isolated ? networkPolicyEgressTo(a, source) : null, d -> a.classes.classes.get(d).representative);
    }

    /**
     * One side of one class against every class through the tiers ({@link TierWalk}): each rule is applied to
     * the classes its peers match; {@code networkPolicies} is what the NetworkPolicies admit (null when none
     * isolates the class); {@code destination} gives the pod named ports resolve on, per other class.
     */
    private static Connections[] throughTiers(Analyzer a, java.util.List<TierRule> admin, java.util.List<TierRule> baseline,
                                              boolean isolated, Connections[] networkPolicies,
                                              java.util.function.IntFunction<Pod> destination) {
        int n = a.classes.classes.size();
        TierWalk w = new TierWalk(n);
        for (TierRule r : admin) {
            for (int o = r.everyone ? 0 : r.classes.nextSetBit(0); o >= 0 && o < n; o = r.everyone ? o + 1 : r.classes.nextSetBit(o + 1)) {
                w.admin(o, r.action(), r.connectionsTo(destination.apply(o)));
            }
        }
        w.endAdmin();
        if (isolated) {
            Connections[] out = new Connections[n];
            for (int o = 0; o < n; o++) {
                if (w.untouched(o)) {
                    out[o] = networkPolicies[o]; // no Admin rule matched: the NetworkPolicies' answer as it is
                } else {
                    w.networkPolicies(o, networkPolicies[o]);
                    Connections c = w.result(o);
                    out[o] = c.isEmpty() ? null : c;
                }
            }
            return out;
        } else {
            for (TierRule r : baseline) {
                for (int o = r.everyone ? 0 : r.classes.nextSetBit(0); o >= 0 && o < n; o = r.everyone ? o + 1 : r.classes.nextSetBit(o + 1)) {
                    w.baseline(o, r.action(), r.connectionsTo(destination.apply(o)));
                }
            }
        }
        Connections[] out = new Connections[n];
        for (int o = 0; o < n; o++) {
            Connections c = w.result(o);
            out[o] = c.isEmpty() ? null : c;
        }
        return out;
    }

    /** What the destination's NetworkPolicies alone admit, indexed by source class; null where nothing is admitted. */
    static Connections[] networkPolicyIngressFrom(Analyzer a, int destination) {
        Connections[] out = new Connections[a.classes.classes.size()];
        if (a.compiled.ingressPolicies.get(destination).isEmpty()) {
            Arrays.fill(out, Connections.ALL);
            return out;
        }
        Pod dst = a.classes.classes.get(destination).representative;
        for (CompiledRule r : a.compiled.ingressRules.get(destination)) {
            Connections c = r.connectionsTo(dst);
            if (c.isEmpty()) {
                continue;
            }
            for (int s = r.allPeers ? 0 : r.podClasses.nextSetBit(0); s >= 0 && s < out.length;
                 s = r.allPeers ? s + 1 : r.podClasses.nextSetBit(s + 1)) {
                out[s] = out[s] == null ? c : out[s].union(c);
            }
        }
        return out;
    }

    /** What the source's NetworkPolicies alone let out, indexed by destination class; null where nothing is. */
    static Connections[] networkPolicyEgressTo(Analyzer a, int source) {
        Connections[] out = new Connections[a.classes.classes.size()];
        if (a.compiled.egressPolicies.get(source).isEmpty()) {
            Arrays.fill(out, Connections.ALL);
            return out;
        }
        for (CompiledRule r : a.compiled.egressRules.get(source)) {
            for (int d = r.allPeers ? 0 : r.podClasses.nextSetBit(0); d >= 0 && d < out.length;
                 d = r.allPeers ? d + 1 : r.podClasses.nextSetBit(d + 1)) {
                Connections c = r.connectionsTo(a.classes.classes.get(d).representative);
                out[d] = out[d] == null ? c : out[d].union(c);
            }
        }
        return out;
    }
}
