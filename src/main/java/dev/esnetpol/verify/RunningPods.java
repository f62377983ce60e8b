package dev.esnetpol.verify;

import dev.esnetpol.analyze.Pod;
import dev.esnetpol.generate.PodGroup;

import java.util.Comparator;
import java.util.List;

/**
 * The real pods of a pod group: those its policy's selector selects (the group's {@code podSelector}, whatever other
 * labels they carry, such as a KRaft node's single {@code "true"} role label), in the installation's namespace, that
 * have not finished ({@code status.phase} Succeeded or Failed: the API server keeps them, NetworkPolicies no longer
 * apply to them).
 */
final class RunningPods {

    private RunningPods() {
    }

    static boolean selects(PodGroup g, Pod p) {
        return p.labels().entrySet().containsAll(g.selector().entrySet()) && !"Succeeded".equals(p.phase()) && !"Failed".equals(p.phase());
    }

    /** The group's pods among {@code pods} of {@code namespace}, by name. */
    static List<Pod> of(PodGroup g, String namespace, List<Pod> pods) {
        return pods.stream().filter(p -> p.namespace().equals(namespace) && selects(g, p)).sorted(Comparator.comparing(Pod::name)).toList();
    }
}
