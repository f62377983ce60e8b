package dev.esnetpol.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API server serves, asked as kubectl asks it (API discovery: {@code GET /apis/GROUP} for a group's
 * versions, {@code GET /apis/GROUP/VERSION} for its resources). One implementation for every reader of a
 * live cluster: the operator, {@code review} and the analysis commands' {@code --live}.
 */
public final class ApiDiscovery {

    private ApiDiscovery() {
    }

    /**
     * The versions of {@code group} the server serves: empty when it does not know the group (404); null
     * when discovery itself failed (no rights to it, a server error), which callers read as "unknown".
     */
    public static List<String> versions(KubernetesClient client, String group) {
        try {
            APIGroup g = client.getApiGroup(group);
            if (g == null || g.getVersions() == null) {
                return List.of();
            }
            return g.getVersions().stream().map(GroupVersionForDiscovery::getVersion).toList();
        } catch (KubernetesClientException e) {
            return e.getCode() == 404 ? List.of() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The resource names (plurals) served at {@code group/version}; empty when none or not known. */
    public static Set<String> resources(KubernetesClient client, String group, String version) {
        try {
            APIResourceList list = client.getApiResources(group + "/" + version);
            return list == null || list.getResources() == null ? Set.of()
                    : list.getResources().stream().map(APIResource::getName).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }
}
