package dev.esnetpol.cli;

import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's mock API server in CRUD mode, taught what a real API server does where live reading depends on
 * it: API discovery of the groups it serves ({@code /apis/GROUP}, {@code /apis/GROUP/VERSION}) and 404
 * for a group, version or kind it does not serve (the CRUD mock would store and serve any path). A
 * kubeconfig file names it, as a user's would.
 */
final class LiveApiServer implements AutoCloseable {

    /** group → version → resource names served; a group absent here is not served. */
    private final Map<String, Map<String, List<String>>> served = new ConcurrentHashMap<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private final KubernetesMockServer server;
    final KubernetesClient client;

    LiveApiServer() {
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of()) {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getMethod() + " " + request.getPath());
                MockResponse discovery = discovery(request.getPath());
                return discovery != null ? discovery : super.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                new java.util.HashMap<>(), crud, true);
        server.init();
        client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    }

    /**
     * What a live analysis of {@code namespace} reads (matrix --live, a diff's live: side): its pods and
     * NetworkPolicies, every namespace's labels, and discovery of the cluster-scoped policy and OpenShift groups.
     */
    static java.util.Set<String> analysisReads(String namespace) {
        return java.util.Set.of("GET /api/v1/namespaces/" + namespace + "/pods", "GET /apis/networking.k8s.io/v1/namespaces/" + namespace + "/networkpolicies",
                "GET /api/v1/namespaces", "GET /apis/policy.networking.k8s.io", "GET /apis/route.openshift.io", "GET /apis/config.openshift.io");
    }

    /** The requests received (query strings left out) that are not among {@code allowed}. */
    List<String> requestsBeyond(java.util.Set<String> allowed) {
        return paths.stream().map(p -> p.replaceAll("\\?.*", "")).filter(p -> !allowed.contains(p)).toList();
    }

    /** The namespace dump of examples/es-prod-namespace as a cluster holds it: its Namespaces, Pods and NetworkPolicies. */
    static final List<Path> ES_PROD = List.of(Path.of("examples/es-prod-namespace/namespaces.yaml"),
            Path.of("examples/es-prod-namespace/pods.yaml"), Path.of("examples/es-prod-namespace/policies.yaml"));

    /** A server holding {@link #ES_PROD}. */
    static LiveApiServer esProd() {
        LiveApiServer api = new LiveApiServer();
        ES_PROD.forEach(api::create);
        return api;
    }

    /** Serves {@code resources} at {@code group/version}. */
    LiveApiServer serve(String group, String version, String... resources) {
        served.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(version, List.of(resources));
        return this;
    }

    private MockResponse discovery(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!p.startsWith("/apis/")) {
            return null;
        }
        String[] parts = p.substring("/apis/".length()).split("/");
        String group = parts[0];
        if (group.endsWith(".k8s.io") && !group.equals("policy.networking.k8s.io")) {
            return null; // networking.k8s.io, apps, ...: served by the CRUD mock as a real server serves them
        }
        Map<String, List<String>> versions = served.get(group);
        if (versions == null || (parts.length > 1 && !versions.containsKey(parts[1]))) {
            return notFound(p);
        }
        if (parts.length == 1) {
            StringBuilder v = new StringBuilder();
            versions.keySet().stream().sorted().forEach(ver -> v.append(v.length() == 0 ? "" : ",")
                    .append("{\"groupVersion\":\"").append(group).append('/').append(ver).append("\",\"version\":\"").append(ver).append("\"}"));
            return new MockResponse().setResponseCode(200).setBody("{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"" + group
                    + "\",\"versions\":[" + v + "]}");
        }
        if (parts.length == 2) {
            StringBuilder r = new StringBuilder();
            versions.get(parts[1]).forEach(res -> r.append(r.length() == 0 ? "" : ",").append("{\"name\":\"").append(res)
                    .append("\",\"namespaced\":true,\"kind\":\"X\",\"verbs\":[\"get\",\"list\"]}"));
            return new MockResponse().setResponseCode(200).setBody("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\""
                    + group + "/" + parts[1] + "\",\"resources\":[" + r + "]}");
        }
        String resource = parts.length > 4 && parts[2].equals("namespaces") ? parts[4] : parts[2];
        return versions.get(parts[1]).contains(resource) ? null : notFound(p);
    }

    private static MockResponse notFound(String path) {
        return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"NotFound\",\"code\":404,\"message\":\"the server could not find the requested resource (" + path + ")\"}");
    }

    /** Creates the core and networking objects of a file (Namespaces, Pods, NetworkPolicies), as kubectl create -f would. */
    LiveApiServer create(Path file) {
        for (YamlDocument d : YamlSources.read(List.of(file.toString()))) {
            client.resource(Serialization.unmarshal(d.node().toString(), HasMetadata.class)).create();
        }
        return this;
    }

    /** Creates a custom resource at {@code group/version} (plural given: the mock has no CRDs to ask). */
    void createCustom(Map<String, Object> object, String version, String plural) {
        GenericKubernetesResource r = Serialization.unmarshal(Serialization.asJson(object), GenericKubernetesResource.class);
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder().withGroup("eventstreams.ibm.com").withVersion(version)
                .withPlural(plural).withKind(r.getKind()).withNamespaced(true).build();
        client.genericKubernetesResources(ctx).inNamespace(r.getMetadata().getNamespace()).resource(r).create();
    }

    /** A kubeconfig naming this server in context {@code context} (current), with namespace {@code namespace} (null: none). */
    Path kubeconfig(Path dir, String context, String namespace) throws IOException {
        return kubeconfig(dir.resolve("kubeconfig-" + context), server.url("/").replaceAll("/$", ""), context, namespace);
    }

    /**
     * A kubeconfig whose one context ({@code lab}, namespace {@code namespace} or none) names a server nothing listens
     * on (https://127.0.0.1:1): connection refused at once.
     */
    static Path unreachableKubeconfig(Path dir, String namespace) throws IOException {
        return kubeconfig(dir.resolve("config"), "https://127.0.0.1:1", "lab", namespace);
    }

    private static Path kubeconfig(Path f, String server, String context, String namespace) throws IOException {
        Files.writeString(f, "apiVersion: v1\nkind: Config\ncurrent-context: " + context + "\n"
                + "clusters:\n- name: mock\n  cluster:\n    insecure-skip-tls-verify: true\n    server: " + server + "\n"
                + "contexts:\n- name: " + context + "\n  context:\n    cluster: mock\n    user: tester\n"
                + (namespace == null ? "" : "    namespace: " + namespace + "\n")
                + "users:\n- name: tester\n  user:\n    token: secret\n");
        return f;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
