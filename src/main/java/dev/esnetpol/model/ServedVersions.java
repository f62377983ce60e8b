package dev.esnetpol.model;

import dev.esnetpol.kube.ApiDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Which versions of the Event Streams kinds the cluster serves, and a client that follows them. es-netpol's
 * classes name {@code v1beta2} (and {@code v1beta1} for EventStreamsGeoReplicator); Event Streams 13.0 serves
 * {@code v1} only and no longer has EventStreamsGeoReplicator (versions.md, "13.0 API change"). The API server
 * converts between the versions it serves, and the fields es-netpol reads are the same in each, so where
 * {@code v1beta2} is gone the client's requests for it go to {@code v1} ({@link Rewrite}), and the geo-replicator
 * kind is not read where it does not exist. Used by the operator and by {@code review}'s live mode alike
 * (discovery itself: {@link ApiDiscovery}).
 *
 * @param versions       the group's served versions ({@code /apis/eventstreams.ibm.com}); empty when the group is
 *                       unknown or discovery failed, which changes nothing
 * @param geoReplicators whether {@code eventstreamsgeoreplicators} is served
 * @param resources      the resource names served at the version the client uses ({@code v1} on a v1-only
 *                       cluster, else {@code v1beta2}); null when not known (discovery failed or gave nothing)
 */
public record ServedVersions(List<String> versions, boolean geoReplicators, Set<String> resources) {

    static final String V1BETA2_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1beta2/";
    static final String V1_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1/";

    /**
     * Asks the API server. No answer about the group (no rights to discovery, a server error, a 404 from a
     * server that does not do discovery) is read as "as the classes say": a kind that is then missing is
     * told by its own request.
     */
    public static ServedVersions discover(KubernetesClient client) {
        List<String> versions = ApiDiscovery.versions(client, EventStreamsResource.GROUP);
        if (versions == null || versions.isEmpty()) {
            return new ServedVersions(List.of(), true, null);
        }
        boolean geo = versions.contains("v1beta1")
                && ApiDiscovery.resources(client, EventStreamsResource.GROUP, "v1beta1").contains("eventstreamsgeoreplicators");
        String used = versions.contains("v1") && !versions.contains("v1beta2") ? "v1" : "v1beta2";
        Set<String> resources = versions.contains(used) ? ApiDiscovery.resources(client, EventStreamsResource.GROUP, used) : Set.of();
        return new ServedVersions(versions, geo, resources.isEmpty() ? null : resources);
    }

    /** Whether requests for {@code v1beta2} must go to {@code v1}: the cluster serves v1 and not v1beta2 (13.0). */
    public boolean v1Only() {
        return versions.contains("v1") && !versions.contains("v1beta2");
    }

    /**
     * Whether the kind whose resource name (plural) is {@code plural} can be listed: served at the version the
     * client uses, or not known to be missing.
     */
    public boolean serves(String plural) {
        if (plural.equals("eventstreamsgeoreplicators")) {
            return geoReplicators;
        }
        return resources == null || resources.contains(plural);
    }

    /** {@code eventstreams.ibm.com/v1} (the version the client's requests go to), for messages. */
    public String groupVersion() {
        return EventStreamsResource.GROUP + "/" + (v1Only() ? "v1" : "v1beta2");
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

        /** Turns the rewrite on or off (what {@link #client} does from discovery). */
        public void enable(boolean on) {
            this.enabled = on;
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
