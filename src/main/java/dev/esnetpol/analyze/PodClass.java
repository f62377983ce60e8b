package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * Pods that no policy can tell apart: same namespace, labels, named ports and network mode. The analyzer
 * evaluates classes, not pods, so a Deployment of 50 replicas costs what one pod costs.
 */
public final class PodClass {

    final int id;
    final Pod representative;
    final List<Pod> members = new ArrayList<>();

    PodClass(int id, Pod representative) {
        this.id = id;
        this.representative = representative;
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
