package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.kube.StrictFields;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.verify.ClusterInputs;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The inputs of the analysis commands (explain, matrix): manifests and Event Streams resources, files or directories. */
final class AnalysisInputs {

    /** The kinds the analysis reads; everything else is skipped and counted. */
    private static final Set<String> CLUSTER_KINDS = Set.of("Namespace", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "DeploymentConfig");

    @Mixin
    InputOptions inputs;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace of objects that name none (default: the kubeconfig context's, else default), as kubectl takes it.")
    String namespace;

    @Option(names = "--no-render", description = "Do not render policies for Event Streams resources: the inputs hold the policies in force.")
    boolean noRender;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = "--live", description = "Read the cluster instead of files: the pods, NetworkPolicies and namespaces of -n NAMESPACE "
            + "(default: the context's) or of every namespace with -A; the policies in force, nothing rendered.")
    boolean live;

    @Option(names = {"-A", "--all-namespaces"}, description = "With --live: every namespace.")
    boolean allNamespaces;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "With --live: this kubeconfig file instead of kubectl's ($KUBECONFIG, ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --live: this context of the kubeconfig instead of its current one.")
    String context;

    static boolean uses(YamlDocument doc) {
        return CLUSTER_KINDS.contains(doc.kind()) || StrictFields.isNetworkPolicy(doc) || ResourceReader.isEventStreamsKind(doc);
    }

    /** The platform of what was loaded: the one forced, else what the inputs look like (its analyzer profile is the default). */
    dev.esnetpol.catalogue.Platform platform(ClusterInputs.Loaded loaded) {
        return dev.esnetpol.generate.PlatformChoice.ofRun(loaded.resources(), options.platform());
    }

    private dev.esnetpol.generate.GeneratorOptions options = dev.esnetpol.generate.GeneratorOptions.defaults();

    ClusterInputs.Loaded load(CommandSpec spec) {
        if (live) {
            return loadLive(spec);
        }
        List<String> liveOnly = liveOnlyOptionsGiven();
        if (!liveOnly.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), liveOnly.get(0) + " reads a cluster: give --live too");
        }
        Inputs read = Inputs.read(spec, "PATH", inputs.locations(), inputs.recursive, namespace, true, AnalysisInputs::uses, System.in, false);
        List<YamlDocument> docs = read.documents();
        // Each stage on its own first, so that the problems of all of them are reported together.
        List<EventStreamsResource> resources = read.eventStreamsResources(inputs.strict);
        ClusterLoader.Loaded k8s = read.add(() -> ClusterLoader.load(docs.stream().filter(d -> !ResourceReader.isEventStreamsKind(d)).toList()), null);
        read.failIfProblems();
        options = generation.toOptions(read);
        ClusterInputs.Loaded read0 = ClusterInputs.of(k8s.cluster(), resources, options, !noRender);
        // The router is a peer of every route: shown (and explained) even when the inputs hold none of its pods.
        ClusterInputs.Loaded loaded = new ClusterInputs.Loaded(RouterStandIn.add(read0.cluster(), platform(read0)), read0.resources());
        warnAboutPoliciesSelectingNothing(loaded.cluster(), spec.commandLine().getErr());
        return loaded;
    }

    private List<String> liveOnlyOptionsGiven() {
        List<String> given = new java.util.ArrayList<>();
        if (allNamespaces) {
            given.add("-A/--all-namespaces");
        }
        if (kubeconfig != null) {
            given.add("--kubeconfig");
        }
        if (context != null) {
            given.add("--context");
        }
        return given;
    }

    /** The cluster, read as {@link LiveCluster} reads it, through {@link LiveConnection} (one-line errors). */
    private ClusterInputs.Loaded loadLive(CommandSpec spec) {
        if (!inputs.locations().isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--live reads the cluster: give no files (" + String.join(", ", inputs.locations()) + ")");
        }
        if (allNamespaces && namespace != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-n/--namespace and -A/--all-namespaces: give one");
        }
        LiveConnection target = LiveConnection.of(kubeconfig, context, "nothing to analyse");
        String ns = allNamespaces ? null : target.namespace(namespace);
        if (ns != null && !dev.esnetpol.kube.KubeValidation.isDnsLabel(ns)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-n/--namespace: '" + ns + "' is not a namespace name");
        }
        String what = ns == null ? "every namespace" : "namespace '" + ns + "'";
        target.reachable(what);
        try (io.fabric8.kubernetes.client.KubernetesClient client = target.client(30_000)) {
            Cluster cluster = LiveCluster.read(client, ns, spec.commandLine().getErr());
            options = generation.toOptions();
            if (options.platform().forced().isEmpty()) {
                // The cluster's platform, as the operator reads it (OpenShift's API groups): its analyzer profile is the default.
                options = options.withPlatform(options.platform().withEvidence(dev.esnetpol.operator.ClusterPlatform.openShiftEvidence(client)));
            }
            ClusterInputs.Loaded read0 = ClusterInputs.of(cluster, List.of(), options, false);
            ClusterInputs.Loaded loaded = new ClusterInputs.Loaded(RouterStandIn.add(read0.cluster(), platform(read0)), read0.resources());
            warnAboutPoliciesSelectingNothing(loaded.cluster(), spec.commandLine().getErr());
            return loaded;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            throw new IllegalStateException("cannot read " + what + " from " + target.where() + ": " + LiveConnection.cause(e), e);
        }
    }

    /** A policy in a namespace without pods analyses as nothing: say so rather than let it apply to nothing silently. */
    static void warnAboutPoliciesSelectingNothing(Cluster cluster, PrintWriter err) {
        Set<String> podNamespaces = cluster.pods().stream().map(Pod::namespace).collect(Collectors.toSet());
        Set<String> lonely = new TreeSet<>();
        for (NetworkPolicy np : cluster.policies()) {
            if (!podNamespaces.contains(np.getMetadata().getNamespace())) {
                lonely.add(np.getMetadata().getNamespace() + "/" + np.getMetadata().getName());
            }
        }
        if (!lonely.isEmpty()) {
            err.println("note: " + lonely.size() + " NetworkPolicy(ies) in namespaces without any pod select nothing: "
                    + String.join(", ", lonely.stream().limit(5).toList()) + (lonely.size() > 5 ? ", ..." : ""));
            err.flush();
        }
    }
}
