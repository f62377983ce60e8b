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

    /** Indexed by destination class; null where nothing is let out. */
    static Connections[] egressTo(Analyzer a, int source) {
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
