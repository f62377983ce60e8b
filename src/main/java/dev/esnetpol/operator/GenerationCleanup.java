package dev.esnetpol.operator;

import dev.esnetpol.catalogue.Labels;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.Set;

/**
 * What happens to the policies es-netpol applied when generation is switched off with
 * {@code --on-disable=delete}: every policy labelled as es-netpol's in the watched namespaces is deleted
 * once, at start-up. ({@code keep} leaves them: they stay as last applied, no longer maintained, and go
 * with their resources through garbage collection.)
 */
final class GenerationCleanup {

    private GenerationCleanup() {
    }

    static int deleteAll(KubernetesClient client, Set<String> namespaces) {
        List<NetworkPolicy> owned = namespaces.isEmpty()
                ? client.network().v1().networkPolicies().inAnyNamespace().withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).list().getItems()
                : namespaces.stream().flatMap(ns -> client.network().v1().networkPolicies().inNamespace(ns)
                        .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).list().getItems().stream()).toList();
        for (NetworkPolicy p : owned) {
            client.network().v1().networkPolicies().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
        }
        return owned.size();
    }
}
