package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pods that no policy can tell apart under one profile: same namespace, labels, named ports, network mode
 * (when the profile treats host-network pods apart) and, when ipBlocks match pods, the same ipBlocks
 * containing their addresses. The analyzer evaluates classes, not pods, so a Deployment of 50 replicas
 * costs what one pod costs.
 */
public final class PodClass {

    final int id;
    final Pod representative;
    /** A host-network pod under a profile where such pods are not policy endpoints: never selected, never a selector's peer. */
    final boolean outsidePolicy;
    /** Indices (in {@link PodClasses#ipBlocks()}) of the distinct ipBlocks containing the members' addresses. */
    final BitSet ipBlocks;
    final List<Pod> members = new ArrayList<>();

    PodClass(int id, Pod representative, boolean outsidePolicy, BitSet ipBlocks) {
        this.id = id;
        this.representative = representative;
        this.outsidePolicy = outsidePolicy;
        this.ipBlocks = ipBlocks;
    }

    public int id() {
        return id;
    }

    public Pod representative() {
        return representative;
    }

    public List<Pod> members() {
        return List.copyOf(members);
    }
}
