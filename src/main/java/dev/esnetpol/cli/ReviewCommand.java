package dev.esnetpol.cli;

import dev.esnetpol.review.LiveSnapshot;
import dev.esnetpol.review.OfflineSnapshot;
import dev.esnetpol.review.ReviewHtml;
import dev.esnetpol.review.ReviewReport;
import dev.esnetpol.review.ReviewText;
import dev.esnetpol.review.Reviewer;
import dev.esnetpol.review.Snapshot;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code es-netpol review}: what the policies in force allow, against the documentation. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Review a namespace: compare what the NetworkPolicies in force (es-netpol's and everyone else's) allow with what",
                "the Event Streams documentation lists. Reports missing flows (documented but blocked), excess flows (open but",
                "not documented), drift (es-netpol's policies edited), deleted or stale policies, and foreign policies that",
                "change the installation's connectivity; prints each pod's effective ingress and egress tables in the",
                "documentation's shape. Reads the cluster (kubeconfig or in-cluster) or, with --offline, YAML files."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol review -n kafka",
                "  es-netpol review -n kafka --html review.html -o markdown > review.md",
                "  es-netpol review --offline dump/                  # kubectl get eventstreams,pods,ns,netpol -o yaml > dump/all.yaml",
                "",
                "Exit codes: 0 as documented, 1 findings, 2 error (bad input, unreachable cluster)."})
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", description = "The namespace to review (required live).")
    String namespace;

    @Option(names = "--offline", paramLabel = "PATH", arity = "1..*",
            description = "Review YAML files or directories instead of a cluster: resources, pods, namespaces, policies.")
    List<String> offline;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json", description = "Report format on stdout.")
    Format output;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page: graph, findings, tables.")
    Path html;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    enum Format { text, markdown, json }

    @Override
    public Integer call() throws Exception {
        Snapshot snapshot;
        if (offline != null) {
            snapshot = OfflineSnapshot.read(offline, namespace);
        } else {
            if (namespace == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give -n NAMESPACE (or --offline PATH)");
            }
            try (KubernetesClient client = new KubernetesClientBuilder().build()) {
                snapshot = LiveSnapshot.read(client, namespace);
            } catch (KubernetesClientException e) {
                throw new IllegalStateException("cannot read namespace " + namespace + " from the cluster: " + e.getMessage(), e);
            }
        }
        ReviewReport report = new Reviewer(generation.toOptions()).review(snapshot);
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> out.print(ObjectWriter.json(report));
            case markdown -> out.print(ReviewText.markdown(report));
            default -> out.print(ReviewText.text(report));
        }
        out.flush();
        if (html != null) {
            Files.writeString(html, ReviewHtml.of(report));
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
