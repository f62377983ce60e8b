package dev.esnetpol.cli;

import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.verify.ClusterInputs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.util.List;

/**
 * How the analysis commands (explain, matrix, diff) read their inputs, whatever the inputs are: the namespace of
 * objects that name none, whether Event Streams resources get rendered policies, and the generation options.
 */
final class AnalysisSettings {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace of objects that name none (default: the kubeconfig context's, else default), as kubectl takes it.")
    String namespace;

    @Option(names = "--no-render", description = "Do not render policies for Event Streams resources: the inputs hold the policies in force.")
    boolean noRender;

    @Mixin
    GeneratorOptionsMixin generation;

    /**
     * The cluster {@code locations} describe: Kubernetes objects as read, plus the pods and (unless
     * {@code --no-render}) the policies of the Event Streams resources among them, each instance with its own
     * table set. Every problem of every file is thrown together ({@link dev.esnetpol.input.InvalidInputException}).
     */
    ClusterInputs.Loaded load(CommandSpec spec, List<String> locations, boolean recursive, boolean strict, InputStream stdin) {
        Inputs read = Inputs.read(spec, "PATH", locations, recursive, namespace, true, AnalysisInputs::uses, stdin, false);
        List<YamlDocument> docs = read.documents();
        // Each stage on its own first, so that the problems of all of them are reported together.
        List<EventStreamsResource> resources = read.eventStreamsResources(strict);
        ClusterLoader.Loaded k8s = read.add(() -> ClusterLoader.load(docs.stream().filter(d -> !ResourceReader.isEventStreamsKind(d)).toList()), null);
        read.failIfProblems();
        options = generation.toOptions(read);
        ClusterInputs.Loaded read0 = ClusterInputs.of(k8s.cluster(), resources, options, !noRender);
        // The router is a peer of every route: shown (and explained) even when the inputs hold none of its pods.
        exposures = dev.esnetpol.analyze.Exposures.read(docs);
        ClusterInputs.Loaded loaded = new ClusterInputs.Loaded(RouterStandIn.add(read0.cluster(), platform(read0), !exposures.isEmpty()),
                read0.resources());
        List<String> unresolved = new java.util.ArrayList<>();
        exposures.exposures().forEach(e -> exposures.targets(e, loaded.cluster(), unresolved));
        unresolved.forEach(u -> spec.commandLine().getErr().println("warning: " + u + "; the " + RouterStandIn.NAME + " reaches nothing through it"));
        AnalysisInputs.warnAboutPoliciesSelectingNothing(loaded.cluster(), spec.commandLine().getErr());
        AnalysisInputs.warnAboutClusterPolicies(loaded.cluster(), spec.commandLine().getErr());
        return loaded;
    }

    /** The cluster, read as {@link LiveCluster} reads it, through {@link LiveConnection} (one-line errors): {@code matrix/explain --live}. */
    ClusterInputs.Loaded loadLive(CommandSpec spec, boolean allNamespaces, String kubeconfig, String context) {
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
            dev.esnetpol.analyze.Cluster cluster = LiveCluster.read(client, ns, spec.commandLine().getErr());
            options = generation.toOptions();
            if (options.platform().forced().isEmpty()) {
                // The cluster's platform, as the operator reads it (OpenShift's API groups): its analyzer profile is the default.
                options = options.withPlatform(options.platform().withEvidence(dev.esnetpol.operator.ClusterPlatform.openShiftEvidence(client)));
            }
            exposures = dev.esnetpol.analyze.Exposures.NONE;
            ClusterInputs.Loaded read0 = ClusterInputs.of(cluster, List.of(), options, false);
            ClusterInputs.Loaded loaded = new ClusterInputs.Loaded(RouterStandIn.add(read0.cluster(), platform(read0)), read0.resources());
            AnalysisInputs.warnAboutPoliciesSelectingNothing(loaded.cluster(), spec.commandLine().getErr());
            AnalysisInputs.warnAboutClusterPolicies(loaded.cluster(), spec.commandLine().getErr());
            return loaded;
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            throw new IllegalStateException("cannot read " + what + " from " + target.where() + ": " + LiveConnection.cause(e), e);
        }
    }

    /** The platform of what was loaded: the one forced, else what the inputs look like (its analyzer profile is the default). */
    dev.esnetpol.catalogue.Platform platform(ClusterInputs.Loaded loaded) {
        return dev.esnetpol.generate.PlatformChoice.ofRun(loaded.resources(), options.platform());
    }

    /** The Routes and Ingresses of the inputs, with their Services (after {@link #load}). */
    dev.esnetpol.analyze.Exposures exposures = dev.esnetpol.analyze.Exposures.NONE;

    /** The generation options of the last load (the platform forced, if any). */
    private dev.esnetpol.generate.GeneratorOptions options = dev.esnetpol.generate.GeneratorOptions.defaults();
}
