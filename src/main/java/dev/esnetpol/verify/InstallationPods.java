package dev.esnetpol.verify;

import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.generate.InstallationFacts;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.model.Installation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pods an installation will run, synthesized from its resources with the labels of conventions.md,
 * one per pod group (every replica of a group carries the same labels, so one stands for all).
 */
public final class InstallationPods {

    private InstallationPods() {
    }

    public static Map<PodGroup, Pod> of(Installation installation) {
        Map<PodGroup, Pod> pods = new LinkedHashMap<>();
        for (PodGroup g : new InstallationFacts(installation).groups()) {
            pods.put(g, PodNetwork.pod(installation.namespace(), g.podName(), new TreeMap<>(g.podLabels())));
        }
        return pods;
    }
}
