package dev.esnetpol.cli;

import dev.esnetpol.operator.EsNetpolOperator;
import dev.esnetpol.operator.HealthAndMetricsServer;
import dev.esnetpol.operator.OperatorMetrics;
import dev.esnetpol.operator.OperatorSettings;
import dev.esnetpol.webhook.ServerTimeouts;
import dev.esnetpol.webhook.WebhookConfig;
import dev.esnetpol.webhook.WebhookServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code es-netpol operator}: keep the policies of every Event Streams installation applied on a cluster. */
@Command(name = "operator", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Keep the NetworkPolicies of Event Streams resources applied on a cluster.",
        description = "Run the operator: watch EventStreams, KafkaConnect, KafkaMirrorMaker2 and EventStreamsGeoReplicator resources and keep their NetworkPolicies applied: created on install, updated when a resource changes, deleted when a component goes, restored at once when edited or deleted by hand. Serves /metrics, /healthz and /readyz on --metrics-port, and the validating webhook on --webhook-port when given a certificate. Uses the kubeconfig, or the pod's service account in a cluster.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol operator                                   # all namespaces, kubeconfig's current context",
                "  es-netpol operator --namespaces kafka,kafka-dev --leader-election",
                "  es-netpol operator --network-policy-generation=false --on-disable=delete",
                "",
                "deploy/ (kubectl apply -k deploy/) runs it on a cluster: see docs/operator.md.",
                "",
                "Exit codes: 0 stopped cleanly, 2 bad options or no cluster."})
public final class OperatorCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--namespaces", split = ",", paramLabel = "NS", description = "Namespaces to watch (default: all).")
    List<String> namespaces;

    @Option(names = "--network-policy-generation", arity = "1", defaultValue = "true", paramLabel = "true|false",
            description = "Create and maintain policies (default ${DEFAULT-VALUE}).")
    boolean generation;

    @Option(names = "--on-disable", defaultValue = "keep", paramLabel = "keep|delete",
            description = "With generation off: keep the policies es-netpol applied (no longer maintained), or delete them at start-up "
                    + "(default ${DEFAULT-VALUE}).")
    OperatorSettings.OnDisable onDisable;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Port of /metrics, /healthz, /readyz (default ${DEFAULT-VALUE}).")
    int metricsPort = dev.esnetpol.catalogue.Catalogue.OPERATOR_METRICS_PORT;

    @Option(names = "--leader-election", description = "Hold a Lease before writing, so that several replicas can run.")
    boolean leaderElection;

    @Option(names = "--lease-name", defaultValue = "es-netpol-operator", description = "Name of the Lease (default ${DEFAULT-VALUE}).")
    String leaseName;

    @Option(names = "--lease-namespace", description = "Namespace of the Lease (default: the pod's namespace, POD_NAMESPACE).")
    String leaseNamespace;

    @Option(names = "--resync", defaultValue = "PT30M", paramLabel = "DURATION",
            description = "Periodic reconcile as a safety net, ISO-8601 (default ${DEFAULT-VALUE}); events do the real work.")
    Duration resync;

    @Option(names = "--webhook-cert", paramLabel = "FILE", description = "Serve the validating webhook on --webhook-port with this PEM certificate.")
    Path webhookCert;

    @Option(names = "--webhook-key", paramLabel = "FILE", description = "The webhook's PEM private key.")
    Path webhookKey;

    @Option(names = "--webhook-port", paramLabel = "PORT", description = "Port of the webhook (default ${DEFAULT-VALUE}).")
    int webhookPort = dev.esnetpol.catalogue.Catalogue.VALIDATOR_PORT;

    @Mixin
    GeneratorOptionsMixin generatorOptions;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if ((webhookCert == null) != (webhookKey == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--webhook-cert and --webhook-key go together");
        }
        OperatorSettings settings = OperatorSettings.defaults()
                .withNamespaces(namespaces == null ? Set.of() : new LinkedHashSet<>(namespaces))
                .withGeneration(generation, onDisable)
                .withGenerator(generatorOptions.toOptions())
                .withResync(resync);
        if (leaderElection) {
            String ns = leaseNamespace != null ? leaseNamespace : System.getenv().getOrDefault("POD_NAMESPACE", "default");
            String identity = System.getenv().getOrDefault("POD_NAME", InetAddress.getLocalHost().getHostName());
            settings = settings.withLeaderElection(OperatorSettings.LeaderElection.of(leaseName, ns, identity));
        }
        PrintWriter err = spec.commandLine().getErr();
        // JVM-wide limits of the JDK HTTP server (slow clients), read when the first server starts: both the
        // metrics server and the webhook get them. Set here, as the process decides, so that the operator
        // package does not depend on the webhook's.
        ServerTimeouts.install();
        // A few quick retries inside the client for network blips; the operator's own backoff handles the rest.
        // Requests for v1beta2 go to v1 where the cluster serves only v1 (Event Streams 13.0).
        dev.esnetpol.model.ServedVersions.Rewrite rewrite = new dev.esnetpol.model.ServedVersions.Rewrite();
        KubernetesClient client = dev.esnetpol.model.ServedVersions.undiscovered(new KubernetesClientBuilder()
                .withKubernetesSerialization(dev.esnetpol.model.ResourceReader.tolerantSerialization())
                .editOrNewConfig().withRequestRetryBackoffLimit(3).endConfig(), rewrite);
        try {
            // One request before anything starts, discovery included: a cluster that cannot be reached is one line, as
            // for review, not discovery's warnings and an informer per kind failing with its stack trace.
            client.getKubernetesVersion();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            client.close();
            throw new IllegalStateException("cannot reach the Kubernetes API server at " + client.getMasterUrl() + ": " + LiveConnection.cause(e));
        }
        rewrite.discover(client);
        if (settings.generator().platform().forced().isEmpty()) {
            // Resources that say nothing of their platform take the cluster's: OpenShift when it serves OpenShift's API groups.
            Optional<String> openShift = dev.esnetpol.operator.ClusterPlatform.openShiftEvidence(client);
            settings = settings.withGenerator(settings.generator().withPlatform(settings.generator().platform().withEvidence(openShift)));
            err.println("es-netpol: platform " + (openShift.isPresent() ? "openshift (" + openShift.get() + ")"
                    : "decided per resource (the API server serves no OpenShift group)"));
        }
        OperatorMetrics metrics = new OperatorMetrics();
        WebhookServer webhook = null;
        if (webhookCert != null) {
            webhook = WebhookServer.start(WebhookConfig.of(webhookPort, webhookCert, webhookKey, settings.generator()));
        }
        try (EsNetpolOperator operator = new EsNetpolOperator(client, settings, metrics);
             HealthAndMetricsServer served = new HealthAndMetricsServer(metricsPort, metrics, operator::isAlive, operator::isReady)) {
            operator.start();
            err.println("es-netpol: operator running against " + client.getMasterUrl() + " (namespaces: "
                    + (settings.namespaces().isEmpty() ? "all" : String.join(",", settings.namespaces())) + "); metrics on :" + served.port());
            err.flush();
            // SIGTERM: the JVM runs shutdown hooks and halts, without waiting for this thread; so the hook itself stops
            // the operator and hands the Lease over, and a standby takes over at once (docs/operator.md).
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                operator.close();
                stopped.countDown();
            }, "es-netpol-shutdown"));
            stopped.await();
        } finally {
            if (webhook != null) {
                webhook.close();
            }
            client.close();
        }
        return ExitCodes.OK;
    }
}
