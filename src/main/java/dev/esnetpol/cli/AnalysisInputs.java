package dev.esnetpol.cli;

import dev.esnetpol.input.YamlSources;
import dev.esnetpol.verify.ClusterInputs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** The inputs of the analysis commands: manifests and Event Streams resources, files or directories. */
final class AnalysisInputs {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Kubernetes YAML/JSON files or directories: Namespaces, Pods, workloads, NetworkPolicies, and Event Streams "
                    + "resources (their pods are synthesized and their policies rendered). Other kinds are ignored; - reads standard input.")
    List<String> paths;

    @Option(names = "--no-render", description = "Do not render policies for Event Streams resources: the inputs hold the policies in force.")
    boolean noRender;

    @Mixin
    GeneratorOptionsMixin generation;

    ClusterInputs.Loaded load() {
        return ClusterInputs.load(YamlSources.read(paths, System.in, true), generation.toOptions(), !noRender);
    }
}
