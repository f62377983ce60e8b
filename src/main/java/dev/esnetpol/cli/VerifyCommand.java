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
        description = {
                "Prove that the NetworkPolicies of Event Streams installations allow every flow the documentation lists,",
                "end to end, and nothing more (least privilege), by exact NetworkPolicy semantics over the pods the",
                "installations will run and stand-ins for the cluster operator, other namespaces and the outside.",
                "Without --policies, checks the policies es-netpol renders for the resources."},
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

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Event Streams resources (EventStreams, KafkaConnect, KafkaMirrorMaker2, EventStreamsGeoReplicator). Repeatable.")
    List<String> files;

    @Option(names = "--policies", paramLabel = "FILE|DIR",
            description = "The NetworkPolicies in force (es-netpol's and any others), instead of rendering them. Repeatable.")
    List<String> policies;

    @Option(names = "--foreign", paramLabel = "FILE|DIR",
            description = "Other NetworkPolicies in force besides the rendered ones (e.g. a namespace default-deny). Repeatable.")
    List<String> foreign;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", description = "Take the resources to be in this namespace.")
    String namespace;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json", description = "Report format.")
    Format output;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
        List<EventStreamsResource> resources = ResourceReader.readAll(YamlSources.read(files));
        Optional<List<NetworkPolicy>> installed = policies == null ? Optional.empty() : Optional.of(readPolicies(policies));
        List<NetworkPolicy> others = foreign == null ? List.of() : readPolicies(foreign);
        // A line on stderr now and then when the run takes more than 2 s: nothing for a quick one.
        Progress progress = Progress.after(2000, spec.commandLine().getErr());
        VerifyReport report = new Verifier(generation.toOptions(), progress).verify(resources, namespace, installed, others);
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("flowsChecked", report.flowsChecked());
                json.put("pairsChecked", report.pairsChecked());
                json.put("missing", FindingJson.of(report.missing()));
                json.put("excess", FindingJson.of(report.excess()));
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

    /** NetworkPolicies only: anything else in a policies file is a mistake worth telling. */
    static List<NetworkPolicy> readPolicies(List<String> locations) {
        List<YamlDocument> docs = YamlSources.read(locations);
        ClusterLoader.Loaded loaded = ClusterLoader.load(docs);
        List<InputProblem> problems = new ArrayList<>();
        for (YamlDocument d : loaded.others()) {
            problems.add(d.problem("kind", "expected a NetworkPolicy (networking.k8s.io/v1), found " + d.kind()));
        }
        if (!loaded.cluster().pods().isEmpty()) {
            problems.add(InputProblem.at(String.join(",", locations), "", "expected NetworkPolicies only, found pods or workloads"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return loaded.cluster().policies();
    }
}
