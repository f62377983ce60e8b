package dev.esnetpol.cli;

import dev.esnetpol.analyze.AppliedManifests;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.input.Namespaces;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.verify.ClusterInputs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

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
        return load(spec, locations, recursive, strict, stdin, null);
    }

    /**
     * As {@link #load(CommandSpec, List, boolean, boolean, InputStream)}, the objects of {@code locations} applied over
     * a live cluster when {@code appliedTo} is not null ({@link AppliedManifests}, as {@code kubectl apply} would): the
     * cluster's other objects and running pods stay, and objects without a namespace go to the namespace read live,
     * where an object of another namespace is refused (it would be compared with a namespace that was not read).
     */
    ClusterInputs.Loaded load(CommandSpec spec, List<String> locations, boolean recursive, boolean strict, InputStream stdin, LiveRead appliedTo) {
        // Over a live namespace, an object of another is refused (it would be compared with a namespace not read); with -A, none is.
        Inputs read = Inputs.read(spec, "PATH", locations, recursive, namespace, appliedTo == null ? null : appliedTo.files(), true,
                AnalysisInputs::uses, stdin, false);
        List<YamlDocument> docs = read.documents();
        // Each stage on its own first, so that the problems of all of them are reported together.
        List<EventStreamsResource> resources = read.eventStreamsResources(strict);
        ClusterLoader.Loaded k8s = read.add(() -> ClusterLoader.load(docs.stream().filter(d -> !ResourceReader.isEventStreamsKind(d)).toList()), null);
        read.failIfProblems();
        options = generation.toOptions(read);
        Cluster objects = k8s.cluster();
        if (appliedTo != null) {
            objects = AppliedManifests.over(appliedTo.cluster(), objects);
            if (options.platform().openShiftEvidence().isEmpty()) {
                options = options.withPlatform(options.platform().withEvidence(appliedTo.openShiftEvidence()));
            }
        }
        ClusterInputs.Loaded read0 = ClusterInputs.of(objects, resources, options, !noRender);
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

    /**
     * A cluster as read live, before anything is added to it.
     *
     * @param namespace         the namespace read, or null for every namespace
     * @param openShiftEvidence what says the cluster is OpenShift (its API groups, as the operator reads them), or empty
     */
    /**
     * @param namespace the namespace read, null for all of them
     * @param files     where files applied over it put objects without a namespace, and what named it: the namespace
     *                  read ({@code live:kafka}, {@code -n}, the context's), objects of another refused; with {@code -A},
     *                  the context's namespace of the kubeconfig read, as kubectl would, nothing refused
     */
    record LiveRead(Cluster cluster, String namespace, Optional<String> openShiftEvidence, Namespaces.Resolved files) {
    }

    /**
     * Reads the cluster {@code live} names as {@link LiveCluster} reads it, through {@link LiveConnection} (one-line
     * errors naming server, context and kubeconfig): {@code matrix/explain --live} and diff's {@code live:} sides.
     *
     * @param requested the namespace a diff side names ({@code live:NS}), or null for {@code -n}, else the context's
     * @param instead   how the command reads files instead, said when there is no kubeconfig
     */
    LiveRead readLive(CommandSpec spec, LiveOptions live, String requested, String instead) {
        if (live.allNamespaces && (namespace != null || requested != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (requested != null ? "live:" + requested : "-n/--namespace")
                    + " and -A/--all-namespaces: give one");
        }
        if (requested != null && namespace != null && !requested.equals(namespace)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "live:" + requested + " and -n " + namespace + ": give one namespace");
        }
        LiveConnection target = LiveConnection.of(live.kubeconfig, live.context, "nothing to analyse", instead);
        String ns = live.allNamespaces ? null : target.namespace(requested != null ? requested : namespace);
        if (ns != null && !dev.esnetpol.kube.KubeValidation.isDnsLabel(ns)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (requested != null ? "live:" + requested + ": " : "-n/--namespace: ")
                    + "'" + ns + "' is not a namespace name (a DNS label: lower-case letters, digits and '-')");
        }
        String what = ns == null ? "every namespace" : "namespace '" + ns + "'";
        target.reachable(what);
        try (io.fabric8.kubernetes.client.KubernetesClient client = target.client(30_000)) {
            Cluster cluster = LiveCluster.read(client, ns, spec.commandLine().getErr());
            // The cluster's platform decides the default profile unless --platform forces one: only then is it asked.
            boolean ask = generation.toOptions().platform().forced().isEmpty();
            Namespaces.Resolved files = live.allNamespaces
                    ? new Namespaces.Resolved(target.namespace(null), "the namespace of " + target.contextName() + "; -A reads every namespace", null)
                    : requested != null ? Namespaces.Resolved.live(ns, "live:" + requested)
                    : namespace != null ? Namespaces.Resolved.of(namespace, null, null)
                    : Namespaces.Resolved.live(ns, "live:, the namespace of " + target.contextName());
            return new LiveRead(cluster, ns, ask ? dev.esnetpol.operator.ClusterPlatform.openShiftEvidence(client) : Optional.empty(), files);
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            throw new IllegalStateException("cannot read " + what + " from " + target.where() + ": " + LiveConnection.cause(e), e);
        }
    }

    /** A live cluster as the analysis takes it: the policies in force, nothing rendered; the router's stand-in on OpenShift. */
    ClusterInputs.Loaded fromLive(LiveRead live, CommandSpec spec) {
        options = generation.toOptions();
        if (options.platform().forced().isEmpty()) {
            // The cluster's platform, as the operator reads it (OpenShift's API groups): its analyzer profile is the default.
            options = options.withPlatform(options.platform().withEvidence(live.openShiftEvidence()));
        }
        exposures = dev.esnetpol.analyze.Exposures.NONE;
        ClusterInputs.Loaded read0 = ClusterInputs.of(live.cluster(), List.of(), options, false);
        ClusterInputs.Loaded loaded = new ClusterInputs.Loaded(RouterStandIn.add(read0.cluster(), platform(read0)), read0.resources());
        AnalysisInputs.warnAboutPoliciesSelectingNothing(loaded.cluster(), spec.commandLine().getErr());
        AnalysisInputs.warnAboutClusterPolicies(loaded.cluster(), spec.commandLine().getErr());
        return loaded;
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
