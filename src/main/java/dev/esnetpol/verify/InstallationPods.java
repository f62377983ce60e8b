package dev.esnetpol.verify;

import dev.esnetpol.analyze.Pod;
import dev.esnetpol.generate.InstallationFacts;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.model.Installation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pods an installation will run, synthesized from its resources with the labels of conventions.md: per pod
 * group, as many as the resource's replica count says, named as the product names them ({@link ProductPods}), each
 * owned by its workload (so that {@code explain} takes the workload's name too).
 */
public final class InstallationPods {

    private InstallationPods() {
    }

    /** The stand-ins of every group, in the groups' order. */
    public static Map<PodGroup, List<Pod>> of(Installation installation, Optional<dev.esnetpol.catalogue.TableSet> tables) {
        InstallationFacts facts = new InstallationFacts(installation, tables);
        Map<PodGroup, List<Pod>> pods = new LinkedHashMap<>();
        for (PodGroup g : facts.groups()) {
            List<Pod> replicas = new ArrayList<>();
            for (int n = 0; n < ProductPods.replicas(facts.owner(g), g); n++) {
                replicas.add(PodNetwork.pod(installation.namespace(), ProductPods.podName(g, n), new TreeMap<>(g.podLabels()),
                        ProductPods.workload(g)));
            }
            pods.put(g, replicas);
        }
        return pods;
    }
}
