package dev.esnetpol.operator;

import dev.esnetpol.model.EventStreamsResource;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which versions of the Event Streams kinds the cluster serves, and a client that follows them. es-netpol's
 * classes name {@code v1beta2} (and {@code v1beta1} for EventStreamsGeoReplicator); Event Streams 13.0 serves
 * {@code v1} only and no longer has EventStreamsGeoReplicator (versions.md, "13.0 API change"). The API server
 * converts between the versions it serves, and the fields es-netpol reads are the same in each, so where
 * {@code v1beta2} is gone the client's requests for it go to {@code v1} ({@link Rewrite}), and the geo-replicator
 * controller is not started where its kind does not exist.
 *
 * @param versions the group's served versions (API discovery, {@code /apis/eventstreams.ibm.com}); empty when the
 *                 group is unknown or discovery failed, which changes nothing
 * @param geoReplicators whether {@code eventstreamsgeoreplicators} is served
 */
public record ServedVersions(List<String> versions, boolean geoReplicators) {

    static final String V1BETA2_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1beta2/";
    static final String V1_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1/";

    /** Asks the API server. A failure (no such group, no rights to discovery) is read as "as the classes say". */
    public static ServedVersions discover(KubernetesClient client) {
        try {
            APIGroup group = client.getApiGroup(EventStreamsResource.GROUP);
            if (group == null || group.getVersions() == null) {
                return new ServedVersions(List.of(), true);
            }
            List<String> versions = group.getVersions().stream().map(GroupVersionForDiscovery::getVersion).toList();
            boolean geo = versions.contains("v1beta1") && served(client, "v1beta1").contains("eventstreamsgeoreplicators");
            return new ServedVersions(versions, geo);
        } catch (RuntimeException e) {
            return new ServedVersions(List.of(), true);
        }
    }

    private static Set<String> served(KubernetesClient client, String version) {
        APIResourceList list = client.getApiResources(EventStreamsResource.GROUP + "/" + version);
        return list == null || list.getResources() == null ? Set.of()
                : list.getResources().stream().map(r -> r.getName()).collect(Collectors.toSet());
    }

    /** Whether requests for {@code v1beta2} must go to {@code v1}: the cluster serves v1 and not v1beta2 (13.0). */
    public boolean v1Only() {
        return versions.contains("v1") && !versions.contains("v1beta2");
    }

    /** A client whose {@code v1beta2} requests go where {@link #discover} finds the cluster serves them. */
    public static KubernetesClient client(KubernetesClientBuilder builder, Rewrite rewrite) {
        KubernetesClient client = builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("es-netpol-served-version", rewrite)).build();
        rewrite.enabled = discover(client).v1Only();
        return client;
    }

    /** Sends requests for the Event Streams kinds at {@code v1beta2} to {@code v1} once enabled. */
    public static final class Rewrite implements Interceptor {
        volatile boolean enabled;

        public boolean enabled() {
            return enabled;
        }

        @Override
        public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            URI uri = request.uri();
            if (enabled && uri.getRawPath() != null && uri.getRawPath().startsWith(V1BETA2_PATH)) {
                String path = V1_PATH + uri.getRawPath().substring(V1BETA2_PATH.length());
                builder.uri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            }
        }
    }
}
