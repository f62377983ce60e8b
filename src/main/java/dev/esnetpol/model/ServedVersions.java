package dev.esnetpol.model;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which versions of the Event Streams kinds the cluster serves, and a client that follows them. es-netpol's
 * classes name {@code v1beta2} (and {@code v1beta1} for EventStreamsGeoReplicator); Event Streams 13.0 serves
 * {@code v1} only and no longer has EventStreamsGeoReplicator (versions.md, "13.0 API change"). The API server
 * converts between the versions it serves, and the fields es-netpol reads are the same in each, so where
 * {@code v1beta2} is gone the client's requests for it go to {@code v1} ({@link Rewrite}), and the geo-replicator
 * controller is not started (and {@code review} reads no such kind) where it does not exist. One implementation for
 * the operator and {@code review}'s live mode.
 *
 * <p>
 * Every decision is logged, and where discovery is incomplete (the group unknown, a version or resource list
 * missing: aggregated discovery lags behind a CRD update) the CustomResourceDefinition of the kind decides; if
 * that cannot be read either, the controller runs, as the classes say: a geo-replicator controller watching a
 * kind that exists is never silently left out.
 *
 * @param versions the group's served versions (API discovery, {@code /apis/eventstreams.ibm.com}); empty when the
 *                 group is unknown or discovery failed, which changes nothing
 * @param geoReplicators whether {@code eventstreamsgeoreplicators} is served
 * @param preferred the version the cluster prefers for the group (discovery's {@code preferredVersion}), empty if unknown
 * @param atPreferred the kinds (plural resource names) served at {@code preferred}
 */
public record ServedVersions(List<String> versions, boolean geoReplicators, String preferred, Set<String> atPreferred) {

    static final String V1BETA2_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1beta2/";
    static final String V1_PATH = "/apis/" + EventStreamsResource.GROUP + "/v1/";
    static final String GEO_REPLICATORS = "eventstreamsgeoreplicators";
    private static final Logger LOG = LoggerFactory.getLogger(ServedVersions.class);

    /** Asks the API server, and logs what it concluded. A failure falls back to the CRDs, then to "as the classes say". */
    public static ServedVersions discover(KubernetesClient client) {
        ServedVersions served = discoverQuietly(client);
        LOG.info("API discovery: {} serves {} (preferred {}); {}; EventStreamsGeoReplicator {}", EventStreamsResource.GROUP,
                served.versions().isEmpty() ? "nothing discovery lists" : served.versions(), served.preferred().isEmpty() ? "none" : served.preferred(),
                served.v1Only() ? "requests for v1beta2 go to v1" : "requests go to the versions es-netpol's classes name",
                served.geoReplicators() ? "served: its controller runs" : "not served: no controller for it");
        return served;
    }

    /**
     * {@link #discover} without its summary line (the command's client asks once more before the operator starts;
     * {@code review}'s stderr is the user's).
     */
    public static ServedVersions discoverQuietly(KubernetesClient client) {
        APIGroup group;
        try {
            group = client.getApiGroup(EventStreamsResource.GROUP);
        } catch (RuntimeException e) {
            group = null;
            LOG.warn("API discovery of {} failed ({}); deciding from the CRDs", EventStreamsResource.GROUP, e.getMessage());
        }
        if (group == null || group.getVersions() == null || group.getVersions().isEmpty()) {
            boolean geo = geoFromCrd(client, "discovery does not list the group " + EventStreamsResource.GROUP);
            return new ServedVersions(List.of(), geo, "", Set.of());
        }
        List<String> versions = group.getVersions().stream().map(GroupVersionForDiscovery::getVersion).toList();
        String preferred = group.getPreferredVersion() == null ? "" : group.getPreferredVersion().getVersion();
        Set<String> atPreferred = preferred.isEmpty() ? Set.of() : served(client, preferred).orElse(Set.of());
        boolean geo;
        if (!versions.contains("v1beta1")) {
            geo = geoFromCrd(client, "discovery lists " + versions + " for " + EventStreamsResource.GROUP + ", without v1beta1");
        } else {
            Optional<Set<String>> v1beta1 = served(client, "v1beta1");
            geo = v1beta1.map(r -> r.contains(GEO_REPLICATORS))
                    .orElseGet(() -> geoFromCrd(client, "discovery has no resource list for " + EventStreamsResource.GROUP + "/v1beta1"));
        }
        return new ServedVersions(versions, geo, preferred, atPreferred);
    }

    /**
     * Whether the geo-replicator kind exists, from its CustomResourceDefinition, when discovery could not tell. A CRD
     * that cannot be read (no rights, no API) leaves the controller running: a missing controller would be silent.
     */
    private static boolean geoFromCrd(KubernetesClient client, String why) {
        String crd = GEO_REPLICATORS + "." + EventStreamsResource.GROUP;
        try {
            CustomResourceDefinition definition = client.apiextensions().v1().customResourceDefinitions().withName(crd).get();
            boolean served = definition != null && definition.getSpec().getVersions().stream()
                    .anyMatch(v -> "v1beta1".equals(v.getName()) && Boolean.TRUE.equals(v.getServed()));
            LOG.info("{}; the CRD {} {}", why, crd, definition == null ? "does not exist: no geo-replicator controller"
                    : served ? "serves v1beta1: the geo-replicator controller runs" : "does not serve v1beta1: no geo-replicator controller");
            return served;
        } catch (RuntimeException e) {
            LOG.warn("{}; the CRD {} cannot be read ({}): the geo-replicator controller runs", why, crd, e.getMessage());
            return true;
        }
    }

    /** The plural resource names served at a version of the group; empty when discovery does not answer. */
    private static Optional<Set<String>> served(KubernetesClient client, String version) {
        try {
            APIResourceList list = client.getApiResources(EventStreamsResource.GROUP + "/" + version);
            return list == null || list.getResources() == null ? Optional.empty()
                    : Optional.of(list.getResources().stream().map(r -> r.getName()).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The apiVersion an owner reference to a resource should name: the group's preferred version where the cluster
     * serves the resource's kind at it, else the version the resource was read at. The garbage collector looks owners
     * up at the version a reference names; at the preferred one it finds them in its own cache, at another it asks the
     * API server (about 40 GETs/s for minutes after a cold start at 1,000 instances, issue 26). The choice depends on
     * the cluster's discovery only, so a policy's reference does not change from one reconcile to the next, and once
     * after the cluster's preferred version changes.
     *
     * @param plural the kind's resource name ({@code eventstreams})
     * @param readAt the apiVersion the resource was read at ({@code eventstreams.ibm.com/v1beta2})
     */
    public String ownerApiVersion(String plural, String readAt) {
        return !preferred.isEmpty() && atPreferred.contains(plural) ? EventStreamsResource.GROUP + "/" + preferred : readAt;
    }

    /** Whether requests for {@code v1beta2} must go to {@code v1}: the cluster serves v1 and not v1beta2 (13.0). */
    public boolean v1Only() {
        return versions.contains("v1") && !versions.contains("v1beta2");
    }

    /** A client whose {@code v1beta2} requests go where {@link #discover} finds the cluster serves them. */
    public static KubernetesClient client(KubernetesClientBuilder builder, Rewrite rewrite) {
        KubernetesClient client = undiscovered(builder, rewrite);
        rewrite.discover(client);
        return client;
    }

    /**
     * A client with the rewrite in place but not yet decided ({@link Rewrite#discover}): for a command that first
     * checks the cluster answers at all, so that an unreachable one is its one line, not discovery's warnings.
     */
    public static KubernetesClient undiscovered(KubernetesClientBuilder builder, Rewrite rewrite) {
        return builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("es-netpol-served-version", rewrite)).build();
    }

    /**
     * Whether the kind whose resource name (plural) is {@code plural} can be listed: the geo-replicator as
     * discovered; another where discovery lists it at the preferred version, or does not say.
     */
    public boolean serves(String plural) {
        if (plural.equals(GEO_REPLICATORS)) {
            return geoReplicators;
        }
        return atPreferred.isEmpty() || atPreferred.contains(plural);
    }

    /** {@code eventstreams.ibm.com/v1} (the version the client's requests go to), for messages. */
    public String groupVersion() {
        return EventStreamsResource.GROUP + "/" + (v1Only() ? "v1" : "v1beta2");
    }

    /** Sends requests for the Event Streams kinds at {@code v1beta2} to {@code v1} once enabled. */
    public static final class Rewrite implements Interceptor {
        volatile boolean enabled;

        public boolean enabled() {
            return enabled;
        }

        /** Turns the rewrite on where {@code client}'s cluster serves v1 only, off otherwise ({@link #discoverQuietly}). */
        public void discover(KubernetesClient client) {
            this.enabled = discoverQuietly(client).v1Only();
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
