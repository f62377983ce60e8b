package dev.esnetpol.cli;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.ExposureAnalysis;
import dev.esnetpol.analyze.Focus;
import dev.esnetpol.analyze.PairExplanations;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code es-netpol matrix}: who may connect to whom, on which ports. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print who may connect to whom, on which ports.",
        description = "Print the connectivity between the workloads of the given manifests (pods grouped by their owner) and between them and the ranges of outside addresses the policies distinguish, by exact NetworkPolicy semantics.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol matrix examples/eventstreams-production.yaml",
                "  es-netpol matrix manifests/ -o markdown > connectivity.md",
                "  es-netpol matrix manifests/ -o svg > connectivity.svg",
                "  es-netpol matrix manifests/ -o connlist | diff - <(netpol-analyzer list --dirpath manifests/)",
                "  es-netpol matrix manifests/ --exposure             # who else could connect, and from where",
                "  es-netpol matrix manifests/ --focus-workload production-kafka-0 --focus-direction ingress --focus-conn TCP/9092",
                "  es-netpol matrix manifests/ --explain --explain-only deny --focus-workload production-kafka",
                "",
                "Exit codes: 0 matrix printed, 2 bad input or usage (nothing printed)."})
public final class MatrixCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AnalysisInputs inputs;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json|csv|dot|svg|connlist",
            description = "Output format (svg: a picture, laid out by the Eclipse Layout Kernel, one box per namespace; connlist: np-guard netpol-analyzer's SRC => DST : CONNS lines).")
    Format output;

    @Mixin
    OutputFileOption outputFile;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--profile", paramLabel = ProfileOption.LABEL,
            description = "Semantics where network plugins differ (default: ovn-kubernetes on OpenShift, else reference, what Kubernetes e2e tests expect).")
    String profile;

    @Option(names = "--exposure",
            description = "Also say, for each workload, what it is open to and may reach beyond the pods given: pods that may appear in a namespace, in namespaces with given labels, anywhere in the cluster, and outside addresses, with the selector that would match (np-guard netpol-analyzer's list --exposure).")
    boolean exposure;

    @Mixin
    FocusOptions focus;

    @Option(names = "--explain", description = "For every pair, the rules that decide what is allowed and what is denied, on each side (text only).")
    boolean explain;

    @Option(names = "--explain-only", paramLabel = "allow|deny",
            description = "With --explain: only the allowed connections, or only the denied ones.")
    String explainOnly;

    enum Format { text, markdown, json, csv, dot, svg, connlist }

    @Override
    public Integer call() {
        PairExplanations.Only only = explainOnly(spec);
        dev.esnetpol.verify.ClusterInputs.Loaded loaded = inputs.load(spec);
        Profile p = ProfileOption.parse(spec, profile, inputs.platform(loaded));
        Analyzer analyzer = Analyzer.of(loaded.cluster(), p);
        Matrix m = Matrix.of(analyzer);
        // The router or ingress controller, for the pods behind each Route and Ingress of the inputs.
        var controller = inputs.exposures.isEmpty() ? java.util.Optional.<dev.esnetpol.analyze.Pod>empty() : RouterStandIn.find(loaded.cluster());
        if (controller.isPresent()) {
            m = m.withIngressController(analyzer, controller.get(), inputs.exposures.targets(loaded.cluster()));
        }
        Focus f = focus.toFocus(spec, m.workloads());
        PrintWriter out = spec.commandLine().getOut();
        if (explain) {
            PairExplanations.forEach(analyzer, f, only, pair -> MatrixExplainText.write(pair, out));
        } else if (exposure) {
            ExposureFormats.write(new MatrixFormats.Focused(m, f), ExposureAnalysis.of(analyzer, m), output, out);
        } else {
            MatrixFormats.write(m, f, output, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private PairExplanations.Only explainOnly(picocli.CommandLine.Model.CommandSpec spec) {
        if (explainOnly != null && !explain) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain-only: applies only with --explain");
        }
        if (explain && output != Format.text) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain: prints text only, not -o " + output);
        }
        if (explainOnly == null) {
            return PairExplanations.Only.BOTH;
        }
        return switch (explainOnly) {
            case "allow" -> PairExplanations.Only.ALLOW;
            case "deny" -> PairExplanations.Only.DENY;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--explain-only: expected allow or deny, got '" + explainOnly + "'");
        };
    }
}
