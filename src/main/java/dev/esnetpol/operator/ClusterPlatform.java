package dev.esnetpol.operator;

import dev.esnetpol.catalogue.Platform;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Optional;

/**
 * What a live cluster shows of OpenShift: its API server serves {@code route.openshift.io} or
 * {@code config.openshift.io} (discovery, {@code GET /apis}, which every authenticated client may read through
 * the {@code system:discovery} role). The operator decides each resource's platform from it where the resource
 * says nothing itself, as render does from {@code *.openshift.io} objects among its inputs.
 */
public final class ClusterPlatform {

    private ClusterPlatform() {
    }

    /** Why the cluster is OpenShift ({@code the API server serves route.openshift.io}), or empty; empty too when discovery fails. */
    public static Optional<String> openShiftEvidence(KubernetesClient client) {
        try {
            for (String group : Platform.OpenShift.API_GROUPS) {
                if (client.getApiGroup(group) != null) {
                    return Optional.of("the API server serves " + group + ", which only OpenShift does");
                }
            }
        } catch (KubernetesClientException e) {
            // No answer is no evidence: the resources' own signs and the default still decide.
            return Optional.empty();
        }
        return Optional.empty();
    }
}
