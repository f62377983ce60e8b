package dev.esnetpol.cli;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.YamlSources;
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
        description = {
                "Print the NetworkPolicies that the given Event Streams resources need, one per pod the configuration runs.",
                "Reads EventStreams (v1beta2), KafkaConnect, KafkaMirrorMaker2 and EventStreamsGeoReplicator resources.",
                "Nothing is printed unless every resource is understood: errors name the file and the field."},
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol render -f examples/eventstreams-production.yaml",
                "  es-netpol render -f examples/ -o json --namespace kafka",
                "  kubectl get eventstreams my-es -o yaml | es-netpol render -f - | kubectl apply -f -",
                "",
                "Exit codes: 0 policies printed, 2 bad input or usage (nothing printed)."})
public final class RenderCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Resources to read: a YAML or JSON file (several documents allowed), a directory, or - for standard input. Repeatable.")
    List<String> files;

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml|json",
            description = "Output format: a YAML stream (default) or a JSON List.")
    OutputFormat output;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Put the policies in this namespace instead of the resources' own.")
    String namespace;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum OutputFormat { yaml, json }

    @Override
    public Integer call() {
        List<EventStreamsResource> resources = ResourceReader.readAll(YamlSources.read(files));
        PolicyGenerator generator = new PolicyGenerator(generation.toOptions());
        List<NetworkPolicy> policies = generator.generate(resources, namespace);
        PrintWriter err = spec.commandLine().getErr();
        generator.warnings(resources, namespace).forEach(w -> err.println("warning: " + w));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == OutputFormat.json ? ObjectWriter.jsonList(policies) : ObjectWriter.yaml(policies));
        out.flush();
        return ExitCodes.OK;
    }
}
