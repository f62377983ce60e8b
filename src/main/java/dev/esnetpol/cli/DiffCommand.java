package dev.esnetpol.cli;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.ConnectivityDiff;
import dev.esnetpol.analyze.Focus;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.Profile;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.verify.ClusterInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code es-netpol diff OLD NEW}: what a change does to connectivity. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Show what a change does to connectivity: the connections it adds, removes or changes.",
        description = {"Compare the connectivity of two inputs (each a file, a directory or - for standard input), "
                + "pair by pair and port by port, with the rules that decide each change on each side. Event Streams "
                + "resources are rendered on each side with their own table set, so a change to a resource shows as the "
                + "connectivity it changes."},
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol diff main/gitops/ pr/gitops/                      # a pull request's effect",
                "  git show main:es.yaml | es-netpol diff - es.yaml -o markdown",
                "  es-netpol diff before/ after/ --focus-workload production-kafka-0 --focus-direction ingress",
                "  es-netpol diff old/ new/ -o connlist-diff                   # np-guard netpol-analyzer diff's lines",
                "",
                "Exit codes: 0 same connectivity, 1 connectivity differs, 2 bad input or usage (nothing printed)."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The inputs before the change: a file, a directory or -.")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The inputs after the change: a file, a directory or -.")
    String after;

    @Option(names = {"-R", "--recursive"}, description = "Read directories recursively, as kubectl -R does.")
    boolean recursive;

    @Option(names = "--strict", description = "Refuse keys of Event Streams resources that es-netpol neither reads nor finds close to a key it reads "
            + "(a warning otherwise: the product's API server decides about them).")
    boolean strict;

    @Mixin
    AnalysisSettings settings;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|markdown|json|csv|connlist-diff",
            description = "Output format (connlist-diff: np-guard netpol-analyzer diff's lines).")
    String output;

    @Mixin
    FocusOptions focus;

    @Mixin
    OutputFileOption outputFile;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--profile", paramLabel = ProfileOption.LABEL,
            description = "Semantics where network plugins differ, the same on both sides (default: ovn-kubernetes when NEW is on OpenShift, else reference).")
    String profile;

    @Override
    public Integer call() {
        DiffFormats.Format format = DiffFormats.Format.parse(spec, output);
        if ("-".equals(before) && "-".equals(after)) {
            throw new ParameterException(spec.commandLine(), "OLD and NEW are both '-': standard input can be only one of them");
        }
        ClusterInputs.Loaded[] sides = loadBoth();
        // One profile for both sides, or the diff would show the plugins' differences as changes: NEW's platform's.
        Profile p = ProfileOption.parse(spec, profile, settings.platform(sides[1]));
        Analyzer old = Analyzer.of(sides[0].cluster(), p);
        Analyzer now = Analyzer.of(sides[1].cluster(), p);
        TreeSet<String> known = new TreeSet<>(Matrix.of(old).workloads());
        known.addAll(Matrix.of(now).workloads());
        Focus f = focus.toFocus(spec, known);
        ConnectivityDiff diff = ConnectivityDiff.of(old, now, f);
        PrintWriter out = spec.commandLine().getOut();
        DiffFormats.write(diff, format, out);
        out.flush();
        return diff.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Both sides, every problem of both reported together. */
    private ClusterInputs.Loaded[] loadBoth() {
        List<InputProblem> problems = new ArrayList<>();
        ClusterInputs.Loaded[] clusters = new ClusterInputs.Loaded[2];
        String[] sides = {before, after};
        for (int i = 0; i < 2; i++) {
            try {
                clusters[i] = settings.load(spec, List.of(sides[i]), recursive, strict, System.in);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return clusters;
    }
}
