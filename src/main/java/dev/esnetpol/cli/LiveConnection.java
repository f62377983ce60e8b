package dev.esnetpol.cli;

import dev.esnetpol.input.Namespaces;
import dev.esnetpol.kube.Kubeconfig;
import dev.esnetpol.model.ServedVersions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.File;
import java.util.stream.Collectors;

/**
 * The cluster a live command reads ({@code review -n}, {@code matrix --live}, {@code explain --live}): the
 * kubeconfig (kubectl's files, or {@code --kubeconfig}) and context (its current one, or {@code --context}), or
 * the pod's service account when running in a cluster. What can be told before connecting is told without
 * connecting (no kubeconfig, a context that does not exist, a server that refuses connections), each as one
 * line naming the server, the context and the kubeconfig; the client has short timeouts, no retries, and
 * follows the Event Streams versions the cluster serves ({@link ServedVersions}).
 */
final class LiveConnection {

    private final Kubeconfig kubeconfig;
    private final String kubeconfigFile;
    private final String context;
    private final boolean inCluster;

    private LiveConnection(Kubeconfig kubeconfig, String kubeconfigFile, String context, boolean inCluster) {
        this.kubeconfig = kubeconfig;
        this.kubeconfigFile = kubeconfigFile;
        this.context = context;
        this.inCluster = inCluster;
    }

    /**
     * The target, checked without connecting.
     *
     * @param kubeconfigFile {@code --kubeconfig}, or null for kubectl's files ({@code -Dkubeconfig}, {@code $KUBECONFIG}, {@code ~/.kube/config})
     * @param context        {@code --context}, or null for the kubeconfig's current context
     * @param nothing        what to say when there is no kubeconfig ("nothing to review")
     * @param instead        the command's way to work without a cluster, said with that ("read files with -f DIR")
     * @throws IllegalStateException when nothing can be read, in one line
     */
    static LiveConnection of(String kubeconfigFile, String context, String nothing, String instead) {
        Kubeconfig kc = kubeconfigFile != null
                ? Kubeconfig.load(kubeconfigFile, java.util.Map.of(), null, context)
                : Kubeconfig.load(System.getProperty("kubeconfig"), System.getenv(), System.getProperty("user.home"), context);
        boolean inCluster = kubeconfigFile == null && context == null && System.getenv("KUBERNETES_SERVICE_HOST") != null;
        if (!inCluster) {
            if (!kc.found()) {
                throw new IllegalStateException("no kubeconfig (looked at " + files(kc) + ")" + (kubeconfigFile == null ? " and not running in a cluster" : "")
                        + ": " + nothing + "; set KUBECONFIG or --kubeconfig, or " + instead);
            }
            if (kc.currentContext() == null) {
                throw new IllegalStateException("kubeconfig " + files(kc) + " has no current-context: choose one with --context or kubectl config use-context");
            }
            if (!kc.contextDefined()) {
                throw new IllegalStateException("kubeconfig " + files(kc) + ": " + (context != null ? "context" : "current-context") + " '"
                        + kc.currentContext() + "' is not defined in it");
            }
        }
        return new LiveConnection(kc, kubeconfigFile, context, inCluster);
    }

    /** The namespace to read: {@code requested}, else the context's, else {@code default} (as kubectl). */
    String namespace(String requested) {
        return Namespaces.Resolved.of(requested, kubeconfig.namespace(), kubeconfig.currentContext()).name();
    }

    /** The context named, for messages: {@code context 'lab'}, {@code the in-cluster service account}. */
    String contextName() {
        return inCluster ? "the in-cluster service account" : "context '" + kubeconfig.currentContext() + "'";
    }

    /** The server and where it was named: {@code https://host:6443 (context 'x' of /path/config)}. */
    String where() {
        return server() + (inCluster ? " (in-cluster)" : " (" + contextText() + ")");
    }

    private String server() {
        return inCluster ? "https://" + System.getenv("KUBERNETES_SERVICE_HOST") + ":" + System.getenv().getOrDefault("KUBERNETES_SERVICE_PORT", "443")
                : kubeconfig.server();
    }

    private String contextText() {
        return inCluster ? "in-cluster" : "context '" + kubeconfig.currentContext() + "' of " + files(kubeconfig);
    }

    /** A client for the core and networking kinds only (no Event Streams discovery), see {@link #eventStreamsClient}. */
    KubernetesClient client(int requestTimeoutMillis) {
        return new KubernetesClientBuilder().withConfig(config(requestTimeoutMillis)).build();
    }

    /**
     * A client for the target that also reads the Event Streams kinds at the version the cluster serves
     * ({@link ServedVersions#client}: one discovery request), with {@code requestTimeoutMillis} per request.
     */
    KubernetesClient eventStreamsClient(int requestTimeoutMillis) {
        return ServedVersions.client(new KubernetesClientBuilder().withConfig(config(requestTimeoutMillis)), new ServedVersions.Rewrite());
    }

    /**
     * Short timeouts, no retries. The client logs its retries and fallbacks as warnings: the callers' one
     * error line says it all, so fabric8's logging is off.
     */
    private Config config(int requestTimeoutMillis) {
        System.setProperty("org.slf4j.simpleLogger.log.io.fabric8", "off");
        Config base = kubeconfigFile != null ? Config.fromKubeconfig(context, new File(kubeconfigFile)) : Config.autoConfigure(context);
        Config config = new ConfigBuilder(base)
                .withConnectionTimeout(2_000)
                .withRequestTimeout(requestTimeoutMillis)
                .withRequestRetryBackoffLimit(0)
                .build();
        return config;
    }

    /**
     * Whether the API server accepts a connection (an {@link IllegalStateException} in one line if not, {@code what}
     * saying what was to be read: "namespace 'kafka'"), asked with a plain socket before the client (whose HTTP
     * stack takes seconds to load on a busy machine) is built: an unreachable cluster is told in about a second.
     */
    void reachable(String what) {
        String server = server();
        if (server == null || server.isEmpty()) {
            throw new IllegalStateException("cannot read " + what + ": the " + contextText() + " names no cluster server");
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read " + what + ": server '" + server + "' of the " + contextText() + " is not a URL");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), 3_000);
        } catch (java.io.IOException | IllegalArgumentException e) {
            String why = e instanceof java.net.ConnectException ? "connection refused"
                    : e instanceof java.net.UnknownHostException ? "unknown host " + uri.getHost()
                    : e instanceof java.net.SocketTimeoutException ? "no answer within 3 s" : e.toString();
            throw new IllegalStateException("cannot read " + what + " from " + server + " (" + contextText() + "): " + why);
        }
    }

    private static String files(Kubeconfig kc) {
        return kc.files().stream().map(Object::toString).collect(Collectors.joining(":"));
    }

    /** The innermost reason, on one line: "connection refused", "timed out", "forbidden: ...", "not found: ...". */
    static String cause(KubernetesClientException e) {
        if (e.getCode() == 401 || e.getCode() == 403 || e.getCode() == 404) {
            String word = e.getCode() == 401 ? "unauthorized" : e.getCode() == 403 ? "forbidden" : "not found";
            return word + (e.getStatus() != null && e.getStatus().getMessage() != null ? ": " + e.getStatus().getMessage() : "");
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof java.net.ConnectException)) {
            t = t.getCause(); // the innermost cause, or the connection refusal on the way (its cause is a closed channel)
        }
        String kind = t instanceof java.net.ConnectException ? "connection refused"
                : t instanceof java.net.UnknownHostException ? "unknown host"
                : t instanceof java.net.http.HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException
                || t instanceof java.net.SocketTimeoutException ? "timed out" : t.getClass().getSimpleName();
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return kind + (message.isEmpty() || message.equals(kind) ? "" : " (" + message + ")");
    }
}
