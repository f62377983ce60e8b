package dev.esnetpol.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cluster a live read reads, as kubectl takes it: {@code -A} for every namespace, {@code --kubeconfig} and
 * {@code --context}. Shared by {@code matrix}/{@code explain} ({@code --live}) and {@code diff} (a {@code live:}
 * side), which read the cluster one way ({@link AnalysisSettings#readLive}).
 */
final class LiveOptions {

    @Option(names = {"-A", "--all-namespaces"}, description = "With --live (diff: a live: side): every namespace.")
    boolean allNamespaces;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "With --live (diff: a live: side): this kubeconfig file instead of kubectl's ($KUBECONFIG, ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --live (diff: a live: side): this context of the kubeconfig instead of its current one.")
    String context;

    /**
     * Refuses these options when nothing is read live, naming the first one given.
     *
     * @param giveWhat how to ask for a live read on this command ("give --live too")
     */
    void refuseWithoutLive(CommandSpec spec, String giveWhat) {
        List<String> given = new ArrayList<>();
        if (allNamespaces) {
            given.add("-A/--all-namespaces");
        }
        if (kubeconfig != null) {
            given.add("--kubeconfig");
        }
        if (context != null) {
            given.add("--context");
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), given.get(0) + " reads a cluster: " + giveWhat);
        }
    }
}
