package dev.esnetpol.cli;

import dev.esnetpol.verify.Verifier;
import dev.esnetpol.review.LiveSnapshot;
import dev.esnetpol.review.OfflineSnapshot;
import dev.esnetpol.review.ReviewHtml;
import dev.esnetpol.review.ReviewReport;
import dev.esnetpol.review.ReviewText;
import dev.esnetpol.review.Reviewer;
import dev.esnetpol.review.Snapshot;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code es-netpol review}: what the policies in force allow, against the documentation. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Review a namespace against the documentation: missing, excess, drift, foreign.",
        description = "Review a namespace: compare what the NetworkPolicies in force (es-netpol's and everyone else's) allow with what the Event Streams documentation lists. Reports missing flows (documented but blocked), excess flows (open but not documented), drift (es-netpol's policies edited), deleted or stale policies, and foreign policies that change the installation's connectivity; prints each pod's effective ingress and egress tables in the documentation's shape. Reads the cluster (kubeconfig or in-cluster) or, with -f, YAML files.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol review -n kafka",
                "  es-netpol review -n kafka --html review.html -o markdown > review.md",
                "  es-netpol review -f dump/                         # kubectl get eventstreams,pods,ns,netpol -o yaml > dump/all.yaml",
                "",
                "Exit codes: 0 as documented (OPEN grants reported, not failed), 1 findings (OPEN too with --strict), 2 error (bad input, unreachable cluster)."})
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace to review. Live: default the kubeconfig context's namespace. From files: objects that name "
                    + "no namespace are in this one (else the context's, else default), and it chooses among several.")
    String namespace;

    @Mixin
    InputOptions inputs;

    @Option(names = "--offline", paramLabel = "PATH", arity = "1..*", hidden = true,
            description = "The same as -f PATH (kept for scripts written before -f).")
    List<String> offline = new ArrayList<>();

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json", description = "Report format on stdout.")
    Format output;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page: graph, findings, tables.")
    Path html;

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

    /** The Routes and Ingresses of the files reviewed, with their Services (none for a live review). */
    private dev.esnetpol.analyze.Exposures exposures = dev.esnetpol.analyze.Exposures.NONE;

    private Snapshot offline(List<String> locations) {
        Inputs read = Inputs.read(spec, "PATH", locations, inputs.recursive, namespace, false, AnalysisInputs::uses, System.in);
        read.eventStreamsResources(inputs.strict);
        read.failIfProblems();
        exposures = dev.esnetpol.analyze.Exposures.read(read.documents());
        // Without -n, OfflineSnapshot takes the one namespace the resources are in (those without one are in the resolved one).
        return OfflineSnapshot.of(read.documents(), namespace, String.join(", ", locations));
    }

    /** A live namespace, read as {@link LiveConnection} connects (errors in one line, naming server, context and kubeconfig). */
    private Snapshot live() {
        LiveConnection target = LiveConnection.of(null, null, "nothing to review", "read files with -f DIR");
        String ns = target.namespace(namespace);
        if (!dev.esnetpol.kube.KubeValidation.isDnsLabel(ns)) {
            throw new ParameterException(spec.commandLine(), "-n/--namespace: '" + ns + "' is not a namespace name");
        }
        target.reachable("namespace '" + ns + "'");
        try (KubernetesClient client = target.eventStreamsClient(3_000)) {
            Snapshot snapshot = LiveSnapshot.read(client, ns, note -> spec.commandLine().getErr().println(note));
            if (snapshot.resources().isEmpty()) {
                throw new IllegalStateException("no Event Streams resource in namespace '" + ns + "' on " + target.where()
                        + ": nothing to review (is the namespace right? kubectl get eventstreams -A)");
            }
            return snapshot;
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot read namespace '" + ns + "' from " + target.where() + ": " + LiveConnection.cause(e), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        checkHtmlDestination(); // before reading a cluster or printing anything
        List<String> locations = new ArrayList<>(inputs.locations());
        locations.addAll(offline);
        Snapshot snapshot = locations.isEmpty() ? live() : offline(locations);
        AnalysisInputs.warnAboutClusterPolicies(snapshot.cluster(), spec.commandLine().getErr());
        dev.esnetpol.generate.GeneratorOptions options = generation.toOptions();
        dev.esnetpol.catalogue.Platform platform = dev.esnetpol.generate.PlatformChoice.ofRun(snapshot.resources(), options.platform());
        dev.esnetpol.analyze.Profile decides = ProfileOption.parse(spec, profile, platform);
        ReviewReport report = new Reviewer(options, Verifier.profilesFor(decides)).review(snapshot);
        // The Routes and Ingresses of the files against the policies in force: a pod the router cannot reach is MISSING.
        List<dev.esnetpol.verify.RouteChecks.Refused> routes = List.of();
        if (!exposures.isEmpty()) {
            dev.esnetpol.analyze.Cluster cluster = RouterStandIn.add(snapshot.cluster(), platform, true);
            routes = RouterStandIn.find(cluster).map(router -> dev.esnetpol.verify.RouteChecks.check(cluster, router, exposures,
                    dev.esnetpol.analyze.Analyzer.of(cluster, decides))).orElse(List.of());
        }
        if (html != null) {
            try {
                Files.writeString(html, ReviewHtml.of(report, snapshot.cluster().clusterPolicies()));
            } catch (java.io.IOException e) {
                throw htmlProblem("cannot write it: " + reason(e));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> out.print(ObjectWriter.json(report));
            case markdown -> out.print(ReviewText.markdown(report));
            default -> out.print(ReviewText.text(report));
        }
        if (output != Format.json) {
            routes.stream().map(dev.esnetpol.verify.RouteChecks.Refused::text).forEach(out::print);
        }
        out.flush();
        return report.clean(inputs.strict) && routes.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * {@code --html FILE} must be writable before the review starts: a report printed and then a failed write
     * would leave half of what was asked for. The page is written before standard output.
     */
    private void checkHtmlDestination() {
        if (html == null) {
            return;
        }
        Path dir = html.toAbsolutePath().getParent();
        if (Files.isDirectory(html)) {
            throw htmlProblem("it is a directory; name a file in it");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw htmlProblem("directory " + (dir == null ? "" : dir) + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(html) && !Files.isWritable(html))) {
            throw htmlProblem("not writable (permission denied)");
        }
    }

    private dev.esnetpol.input.InvalidInputException htmlProblem(String why) {
        return new dev.esnetpol.input.InvalidInputException(dev.esnetpol.input.InputProblem.at("<command line>", "--html", html + ": " + why));
    }

    private static String reason(java.io.IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }
}
