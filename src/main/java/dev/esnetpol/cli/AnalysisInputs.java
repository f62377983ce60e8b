package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.kube.StrictFields;
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

    @Mixin
    AnalysisSettings settings;

    @Option(names = "--live", description = "Read the cluster instead of files: the pods, NetworkPolicies and namespaces of -n NAMESPACE "
            + "(default: the context's) or of every namespace with -A, and the cluster-scoped policies it serves; the policies in force, nothing rendered.")
    boolean live;

    @Mixin
    LiveOptions liveOptions;

    static boolean uses(YamlDocument doc) {
        return CLUSTER_KINDS.contains(doc.kind()) || StrictFields.isNetworkPolicy(doc) || StrictFields.isClusterPolicy(doc)
                || (doc.kind().equals("Node") && doc.apiVersion().equals("v1")) || ResourceReader.isEventStreamsKind(doc)
                || StrictFields.isExposure(doc) || StrictFields.isService(doc);
    }

    /** The Routes and Ingresses of the inputs, with their Services (after {@link #load}). */
    dev.esnetpol.analyze.Exposures exposures = dev.esnetpol.analyze.Exposures.NONE;

    /** The platform of what was loaded: the one forced, else what the inputs look like (its analyzer profile is the default). */
    dev.esnetpol.catalogue.Platform platform(ClusterInputs.Loaded loaded) {
        return settings.platform(loaded);
    }

    ClusterInputs.Loaded load(CommandSpec spec) {
        if (live) {
            if (!inputs.locations().isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--live reads the cluster: give no files (" + String.join(", ", inputs.locations()) + ")");
            }
            return settings.fromLive(settings.readLive(spec, liveOptions, null, "read files with -f DIR instead of --live"), spec);
        }
        liveOptions.refuseWithoutLive(spec, "give --live too");
        ClusterInputs.Loaded loaded = settings.load(spec, inputs.locations(), inputs.recursive, inputs.strict, System.in);
        exposures = settings.exposures;
        return loaded;
    }

    /** Where the answers depend on an open choice of the cluster-scoped policy API, on DNS or on missing Nodes. */
    static void warnAboutClusterPolicies(Cluster cluster, PrintWriter err) {
        dev.esnetpol.analyze.ClusterPolicyWarnings.of(cluster).forEach(w -> err.println("warning: " + w));
        err.flush();
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
