package dev.esnetpol.cli;

import dev.esnetpol.analyze.ClusterLoader;
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
                "Exit codes: 0 as documented, 1 missing or excess flows found, 2 bad input or usage."})
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

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
        Inputs read = Inputs.read(spec, "FILE", inputs.locations(), inputs.recursive, namespace, true,
                ResourceReader::isEventStreamsKind, System.in);
        List<EventStreamsResource> resources = read.eventStreamsResources(inputs.strict);
        Optional<List<NetworkPolicy>> installed = policies == null ? Optional.empty() : Optional.of(readPolicies(policies, read));
        List<NetworkPolicy> others = foreign == null ? List.of() : readPolicies(foreign, read);
        read.failIfProblems();
        if (resources.isEmpty()) {
            // Nothing verified is not "verified": a CI gate must not pass on an empty or mistyped folder.
            throw new InvalidInputException(InputProblem.at(String.join(", ", inputs.locations()), "",
                    "no Event Streams resource (EventStreams, KafkaConnect, KafkaMirrorMaker2, EventStreamsGeoReplicator of "
                            + "eventstreams.ibm.com): nothing to verify"));
        }
        // A line on stderr now and then when the run takes more than 2 s: nothing for a quick one.
        Progress progress = Progress.after(2000, spec.commandLine().getErr());
        dev.esnetpol.generate.GeneratorOptions options = generation.toOptions(read);
        VerifyReport report = new Verifier(options, progress)
                .withProfiles(Verifier.profilesFor(ProfileOption.parse(spec, profile,
                        dev.esnetpol.generate.PlatformChoice.ofRun(resources, options.platform()))))
                .verify(resources, null, installed, others);
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
                out.print(ObjectWriter.json(json));
            }
            case markdown -> {
                out.print(FindingMarkdown.of(report.findings()));
                out.println();
                out.println(report.summary());
            }
            default -> {
                report.findings().stream().map(FindingText::of).forEach(out::print);
                out.println(report.summary());
            }
        }
        out.flush();
        return report.clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The NetworkPolicies of --policies or --foreign, namespaced by the same rule as the resources; other kinds skipped. */
    private List<NetworkPolicy> readPolicies(List<String> locations, Inputs resources) {
        Inputs read = Inputs.read(spec, "FILE", locations, inputs.recursive, namespace, true,
                dev.esnetpol.kube.StrictFields::isNetworkPolicy, System.in);
        if (read.documents().isEmpty() && !read.hasProblems()) {
            // Policies to verify against that hold no policy: a wrong file, not "nothing is in force".
            if (read.skippedDocuments().isEmpty()) {
                resources.add(List.of(InputProblem.at(String.join(", ", locations), "", "no NetworkPolicy (networking.k8s.io/v1) found")));
            }
            read.skippedDocuments().forEach(d -> resources.add(List.of(d.problem("kind",
                    "expected a NetworkPolicy (networking.k8s.io/v1), found " + (d.kind().isEmpty() ? "no kind" : d.kind())))));
        }
        read.failIfProblemsInto(resources);
        List<NetworkPolicy> policies = resources.add(() -> ClusterLoader.load(read.documents()).cluster().policies(), List.of());
        return policies;
    }

    /** The NetworkPolicies of files (objects without a namespace in the resolved one), for tests and tools. */
    static List<NetworkPolicy> readPolicies(List<String> locations) {
        List<YamlDocument> docs = YamlSources.read(locations);
        dev.esnetpol.input.Namespaces.fill(docs, () -> Inputs.resolveNamespace(null), false);
        return ClusterLoader.load(docs.stream().filter(dev.esnetpol.kube.StrictFields::isNetworkPolicy).toList()).cluster().policies();
    }
}
