package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.ClusterPolicy;
import dev.esnetpol.analyze.HostNode;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.verify.FindingJson;
import dev.esnetpol.verify.FindingMarkdown;
import dev.esnetpol.verify.FindingText;
import dev.esnetpol.verify.Progress;
import dev.esnetpol.verify.Verifier;
import dev.esnetpol.verify.VerifyReport;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code es-netpol verify}: prove that policies allow the documented flows and nothing more. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prove that policies allow every documented flow and nothing more.",
        description = "Prove that the NetworkPolicies of Event Streams installations allow every flow the documentation lists, end to end, and nothing more (least privilege), by exact NetworkPolicy semantics over the pods the installations will run and stand-ins for the cluster operator, other namespaces and the outside. Without --policies, checks the policies es-netpol renders for the resources.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol verify -f examples/eventstreams-production.yaml",
                "  es-netpol verify -f es.yaml --policies installed-netpols.yaml",
                "  es-netpol verify -f es.yaml --foreign namespace-default-deny.yaml",
                "",
                "Exit codes: 0 as documented (grants open by default are printed as OPEN), 1 missing or excess flows found (or OPEN with --strict), 2 bad input or usage."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Option(names = "--policies", paramLabel = "FILE|DIR",
            description = "The NetworkPolicies in force (es-netpol's and any others), instead of rendering them. Repeatable.")
    List<String> policies;

    @Option(names = "--foreign", paramLabel = "FILE|DIR",
            description = "Other NetworkPolicies in force besides the rendered ones (e.g. a namespace default-deny). Repeatable.")
    List<String> foreign;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", description = "The namespace of resources and policies that name none (default: the kubeconfig context's, else default).")
    String namespace;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json", description = "Report format.")
    Format output;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = "--profile", paramLabel = ProfileOption.LABEL,
            description = "The NetworkPolicy semantics that decide (default: ovn-kubernetes on OpenShift, else reference, the Kubernetes reference). Flows whose "
                    + "verdict differs under the reference and Cilium are reported as depending on the network plugin.")
    String profile;

    @Mixin
    OutputFileOption outputFile;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
        Inputs read = Inputs.read(spec, "FILE", inputs.locations(), inputs.recursive, namespace, true,
                d -> ResourceReader.isEventStreamsKind(d) || isClusterScoped(d) || dev.esnetpol.kube.StrictFields.isExposure(d)
                        || dev.esnetpol.kube.StrictFields.isService(d), System.in);
        List<EventStreamsResource> resources = read.eventStreamsResources(inputs.strict);
        // An administrator's cluster-scoped policies (and the Nodes they select) apply to every installation.
        List<ClusterPolicy> clusterPolicies = new ArrayList<>();
        List<HostNode> nodes = new ArrayList<>();
        Cluster fromResources = read.add(() -> ClusterLoader.load(read.documents().stream().filter(VerifyCommand::isClusterScoped).toList())
                .cluster(), null);
        if (fromResources != null) {
            clusterPolicies.addAll(fromResources.clusterPolicies());
            nodes.addAll(fromResources.nodes());
        }
        Optional<List<NetworkPolicy>> installed = policies == null ? Optional.empty()
                : Optional.of(readPolicies(policies, read, clusterPolicies, nodes));
        List<NetworkPolicy> others = foreign == null ? List.of() : readPolicies(foreign, read, clusterPolicies, nodes);
        read.failIfProblems();
        AnalysisInputs.warnAboutClusterPolicies(Cluster.of(List.of(), List.of(), List.of(), clusterPolicies, nodes), spec.commandLine().getErr());
        if (resources.isEmpty()) {
            // Nothing verified is not "verified": a CI gate must not pass on an empty or mistyped folder.
            throw new InvalidInputException(InputProblem.at(String.join(", ", inputs.locations()), "",
                    "no Event Streams resource (EventStreams, KafkaConnect, KafkaMirrorMaker2, EventStreamsGeoReplicator of "
                            + "eventstreams.ibm.com): nothing to verify"));
        }
        // A line on stderr now and then when the run takes more than 2 s: nothing for a quick one.
        Progress progress = Progress.after(2000, spec.commandLine().getErr());
        dev.esnetpol.generate.GeneratorOptions options = generation.toOptions(read);
        dev.esnetpol.catalogue.Platform platform = dev.esnetpol.generate.PlatformChoice.ofRun(resources, options.platform());
        dev.esnetpol.analyze.Profile decides = ProfileOption.parse(spec, profile, platform);
        VerifyReport report = new Verifier(options, progress)
                .withProfiles(Verifier.profilesFor(decides))
                .verify(resources, null, installed, others, Cluster.of(List.of(), List.of(), List.of(), clusterPolicies, nodes));
        List<dev.esnetpol.verify.RouteChecks.Refused> routes = routeChecks(read, resources, options, installed, others, platform, decides,
                Cluster.of(List.of(), List.of(), List.of(), clusterPolicies, nodes));
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("flowsChecked", report.flowsChecked());
                json.put("pairsChecked", report.pairsChecked());
                json.put("missing", FindingJson.of(report.missing()));
                json.put("excess", FindingJson.of(report.excess()));
                json.put("cniDependent", FindingJson.of(report.findings().stream()
                        .filter(f -> f.kind() == dev.esnetpol.verify.Finding.Kind.CNI_DEPENDENT).toList()));
                json.put("open", report.open().stream().map(dev.esnetpol.verify.OpenGrant::json).toList());
                json.put("routesMissing", routes.stream().map(r -> Map.of("route", r.target().exposure().toString(),
                        "from", r.router().toString(), "to", r.target().pod().toString(),
                        "connections", r.target().protocol() + " " + r.target().port())).toList());
                out.print(ObjectWriter.json(json));
            }
            case markdown -> {
                out.print(FindingMarkdown.of(report.findings()));
                routes.forEach(r -> out.print("\n    " + r.text().strip().replace("\n", "\n    ") + "\n"));
                out.println();
                if (!report.open().isEmpty()) {
                    out.print(dev.esnetpol.verify.OpenGrant.markdown(report.open()));
                    out.println();
                }
                out.println(report.summary() + routeSummary(routes));
            }
            default -> {
                report.findings().stream().map(FindingText::of).forEach(out::print);
                routes.stream().map(dev.esnetpol.verify.RouteChecks.Refused::text).forEach(out::print);
                report.open().stream().map(dev.esnetpol.verify.OpenGrant::text).forEach(out::print);
                out.println(report.summary() + routeSummary(routes));
            }
        }
        out.flush();
        return report.clean(inputs.strict) && routes.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The summary's words for the routes, when the inputs hold any that the router cannot reach. */
    private static String routeSummary(List<dev.esnetpol.verify.RouteChecks.Refused> routes) {
        return routes.isEmpty() ? "" : "; " + routes.size() + " route port(s) the router cannot reach (MISSING)";
    }

    /**
     * The Routes and Ingresses among the inputs, checked against the policies in force over the pods the resources
     * will run: each pod and port the router cannot reach is MISSING ({@link dev.esnetpol.verify.RouteChecks}).
     */
    private List<dev.esnetpol.verify.RouteChecks.Refused> routeChecks(Inputs read, List<EventStreamsResource> resources,
            dev.esnetpol.generate.GeneratorOptions options, Optional<List<NetworkPolicy>> installed, List<NetworkPolicy> foreign,
            dev.esnetpol.catalogue.Platform platform, dev.esnetpol.analyze.Profile decides, Cluster clusterScoped) {
        dev.esnetpol.analyze.Exposures exposures = dev.esnetpol.analyze.Exposures.read(read.documents());
        if (exposures.isEmpty()) {
            return List.of();
        }
        List<NetworkPolicy> policies = new java.util.ArrayList<>(installed.orElseGet(
                () -> new dev.esnetpol.generate.PolicyGenerator(options).generate(resources, null)));
        policies.addAll(foreign);
        dev.esnetpol.analyze.Cluster pods = dev.esnetpol.verify.ClusterInputs.of(clusterScoped, resources, options, false).cluster();
        dev.esnetpol.analyze.Cluster cluster = RouterStandIn.add(pods.withPolicies(policies), platform, true);
        List<String> unresolved = new java.util.ArrayList<>();
        exposures.exposures().forEach(e -> exposures.targets(e, cluster, unresolved));
        unresolved.forEach(u -> spec.commandLine().getErr().println("warning: " + u + "; verify cannot check it"));
        return RouterStandIn.find(cluster).map(router -> dev.esnetpol.verify.RouteChecks.check(cluster, router, exposures,
                dev.esnetpol.analyze.Analyzer.of(cluster, decides))).orElse(List.of());
    }

    /** The cluster-scoped policy kinds and the Nodes their nodes peers select, read from every input of verify. */
    private static boolean isClusterScoped(YamlDocument d) {
        return dev.esnetpol.kube.StrictFields.isClusterPolicy(d) || (d.kind().equals("Node") && d.apiVersion().equals("v1"));
    }

    /**
     * The NetworkPolicies of --policies or --foreign, namespaced by the same rule as the resources; the
     * cluster-scoped policies and Nodes among them added to {@code clusterPolicies} and {@code nodes}; other kinds skipped.
     */
    private List<NetworkPolicy> readPolicies(List<String> locations, Inputs resources, List<ClusterPolicy> clusterPolicies, List<HostNode> nodes) {
        Inputs read = Inputs.read(spec, "FILE", locations, inputs.recursive, namespace, true,
                d -> dev.esnetpol.kube.StrictFields.isNetworkPolicy(d) || isClusterScoped(d), System.in);
        if (read.documents().isEmpty() && !read.hasProblems()) {
            // Policies to verify against that hold no policy: a wrong file, not "nothing is in force".
            if (read.skippedDocuments().isEmpty()) {
                resources.add(List.of(InputProblem.at(String.join(", ", locations), "", "no NetworkPolicy (networking.k8s.io/v1) found")));
            }
            read.skippedDocuments().forEach(d -> resources.add(List.of(d.problem("kind",
                    "expected a NetworkPolicy (networking.k8s.io/v1), found " + (d.kind().isEmpty() ? "no kind" : d.kind())))));
        }
        read.failIfProblemsInto(resources);
        Cluster loaded = resources.add(() -> ClusterLoader.load(read.documents()).cluster(), null);
        if (loaded == null) {
            return List.of();
        }
        clusterPolicies.addAll(loaded.clusterPolicies());
        nodes.addAll(loaded.nodes());
        return loaded.policies();
    }

    /** The NetworkPolicies of files (objects without a namespace in the resolved one), for tests and tools. */
    static List<NetworkPolicy> readPolicies(List<String> locations) {
        List<YamlDocument> docs = YamlSources.read(locations);
        dev.esnetpol.input.Namespaces.fill(docs, () -> Inputs.resolveNamespace(null), false);
        return ClusterLoader.load(docs.stream().filter(dev.esnetpol.kube.StrictFields::isNetworkPolicy).toList()).cluster().policies();
    }
}
