package dev.esnetpol.cli;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code es-netpol render}: the NetworkPolicies an Event Streams installation needs, offline. */
@Command(name = "render", mixinStandardHelpOptions = true,
        header = "Print the NetworkPolicies that Event Streams resources need, offline.",
        description = "Print the NetworkPolicies that the given Event Streams resources need, one per pod the configuration runs. Reads EventStreams, KafkaConnect and KafkaMirrorMaker2 (eventstreams.ibm.com/v1beta1, v1beta2 and v1) and EventStreamsGeoReplicator (v1beta1) resources. Nothing is printed unless every resource is understood: errors name the file and the field.",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol render -f examples/eventstreams-production.yaml",
                "  es-netpol render -f examples/ -o json",
                "  es-netpol render -R -f gitops/ -n kafka      # a GitOps folder; resources without a namespace go to kafka",
                "  kubectl get eventstreams my-es -o yaml | es-netpol render -f - | kubectl apply -f -",
                "",
                "Exit codes: 0 policies printed, 2 bad input or usage (nothing printed)."})
public final class RenderCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml|json",
            description = "Output format: a YAML stream (default) or a JSON List.")
    OutputFormat output;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace of resources that name none (default: the kubeconfig context's, else default). "
                    + "A resource in another namespace is refused, as kubectl refuses it.")
    String namespace;

    @Mixin
    GeneratorOptionsMixin generation;

    @Mixin
    OutputFileOption outputFile;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum OutputFormat { yaml, json }

    /**
     * Says which uids become owner references: those read from a cluster (with a resourceVersion), which bind the
     * policies to that cluster; and which are ignored (a uid without one was not issued by the cluster the policies
     * go to: the garbage collector would delete them at once). docs/generator.md, "Owner references".
     */
    private static void ownerReferenceNotes(List<EventStreamsResource> resources, PrintWriter err) {
        List<String> used = resources.stream().filter(r -> dev.esnetpol.generate.ClusterUid.of(r).isPresent()).map(RenderCommand::name).toList();
        List<String> ignored = resources.stream().filter(dev.esnetpol.generate.ClusterUid::ignored).map(RenderCommand::name).toList();
        if (!used.isEmpty()) {
            err.println("note: owner references to " + String.join(", ", used) + " from their metadata.uid (read from a cluster: "
                    + "metadata.resourceVersion is set); apply the policies to that cluster only: elsewhere the garbage collector deletes them");
        }
        if (!ignored.isEmpty()) {
            err.println("note: metadata.uid of " + String.join(", ", ignored) + " ignored: without metadata.resourceVersion it was not "
                    + "read from a cluster; the policies get no owner reference (the operator adopts them when it sees the resource)");
        }
    }

    private static String name(EventStreamsResource r) {
        return r.getKind() + " " + (r.getMetadata().getNamespace() == null ? "" : r.getMetadata().getNamespace() + "/") + r.getMetadata().getName();
    }

    @Override
    public Integer call() {
        Inputs read = Inputs.read(spec, "FILE", inputs.locations(), inputs.recursive, namespace, true,
                ResourceReader::isEventStreamsKind, System.in);
        List<EventStreamsResource> resources = read.eventStreamsResources(inputs.strict);
        read.failIfProblems();
        if (resources.isEmpty()) {
            throw new InvalidInputException(InputProblem.at(String.join(", ", inputs.locations()), "",
                    "no Event Streams resource (EventStreams, KafkaConnect, KafkaMirrorMaker2, EventStreamsGeoReplicator of "
                            + "eventstreams.ibm.com): nothing to render"));
        }
        PolicyGenerator generator = new PolicyGenerator(generation.toOptions(read));
        List<NetworkPolicy> policies = generator.generate(resources, null);
        PrintWriter err = spec.commandLine().getErr();
        generator.warnings(resources, null).forEach(w -> err.println("warning: " + w));
        ownerReferenceNotes(resources, err);
        // The risks the webhook warns about at kubectl apply, for those who apply through Git and never see them.
        for (EventStreamsResource r : resources) {
            dev.esnetpol.webhook.RiskWarnings.of(r, generator.options()).forEach(w -> err.println("warning: " + r.getKind() + " "
                    + r.getMetadata().getName() + ": " + w));
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == OutputFormat.json ? ObjectWriter.jsonList(policies) : ObjectWriter.yaml(policies));
        out.flush();
        return ExitCodes.OK;
    }
}
