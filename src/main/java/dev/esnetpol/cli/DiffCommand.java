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
        description = {"Compare the connectivity of two inputs (each a file, a directory, - for standard input, or live: for a "
                + "cluster's namespace), pair by pair and port by port, with the rules that decide each change on each side. Event Streams "
                + "resources are rendered on each side with their own table set, so a change to a resource shows as the "
                + "connectivity it changes.",
                "",
                "live: reads the namespace of -n (default: the context's; live:NAMESPACE names it; -A every namespace) as matrix --live "
                + "reads it: the pods, NetworkPolicies and namespaces, and the cluster-scoped policies it serves. When OLD is live: "
                + "and NEW files, NEW is that cluster with the files applied, as kubectl apply would apply them (kubectl diff's "
                + "question): the files' objects replace the cluster's of the same kind, namespace and name, their Event Streams "
                + "resources' policies are rendered over the installed ones, and everything else (running pods, other policies) stays."},
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol diff main/gitops/ pr/gitops/                      # a pull request's effect",
                "  es-netpol diff live: pr/gitops/ -n kafka                    # what applying the pull request does to the running namespace",
                "  es-netpol diff snapshot/ live:kafka --context prod          # what changed on the cluster since a kubectl get -o yaml snapshot",
                "  git show main:es.yaml | es-netpol diff - es.yaml -o markdown",
                "  es-netpol diff before/ after/ --focus-workload production-kafka-0 --focus-direction ingress",
                "  es-netpol diff old/ new/ -o connlist-diff                   # np-guard netpol-analyzer diff's lines",
                "",
                "Exit codes: 0 same connectivity, 1 connectivity differs, 2 bad input, usage or an unreachable cluster (nothing printed)."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The inputs before the change: a file, a directory, -, or live: (live:NAMESPACE) for the cluster.")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The inputs after the change: a file, a directory, -, or live: (live:NAMESPACE): "
            + "the cluster; files after a live: OLD are applied to it.")
    String after;

    @Mixin
    LiveOptions live;

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

    /** What a side names: a location, or the cluster ({@code live:}, {@code live:NAMESPACE}: {@code namespace} null for -n's). */
    private record Side(String location, boolean live, String namespace) {

        static final String LIVE = "live:";

        /** A path that starts with {@code live:} is written {@code ./live:...}. */
        static Side of(String operand) {
            if (!operand.startsWith(LIVE)) {
                return new Side(operand, false, null);
            }
            String ns = operand.substring(LIVE.length());
            return new Side(operand, true, ns.isEmpty() ? null : ns);
        }
    }

    /**
     * Both sides, every problem of both files' sides reported together. A live OLD is read once: NEW's files are
     * applied to it ({@link AnalysisSettings#load(picocli.CommandLine.Model.CommandSpec, List, boolean, boolean, java.io.InputStream, AnalysisSettings.LiveRead)}).
     */
    private ClusterInputs.Loaded[] loadBoth() {
        Side[] sides = {Side.of(before), Side.of(after)};
        if (!sides[0].live() && !sides[1].live()) {
            live.refuseWithoutLive(spec, "give live: as OLD or NEW");
        }
        List<InputProblem> problems = new ArrayList<>();
        ClusterInputs.Loaded[] clusters = new ClusterInputs.Loaded[2];
        dev.esnetpol.catalogue.Platform[] platforms = new dev.esnetpol.catalogue.Platform[2];
        AnalysisSettings.LiveRead cluster = null;
        for (int i = 0; i < 2; i++) {
            Side side = sides[i];
            try {
                if (side.live()) {
                    AnalysisSettings.LiveRead read = settings.readLive(spec, live, side.namespace(), "give files or folders as OLD and NEW instead of live:");
                    cluster = i == 0 ? read : null;
                    clusters[i] = settings.fromLive(read, spec);
                } else {
                    clusters[i] = settings.load(spec, List.of(side.location()), recursive, strict, System.in, cluster);
                }
                platforms[i] = settings.platform(clusters[i]);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // The router is the platform's, not the change's: the stand-in one side has (a route listener makes it OpenShift,
        // a live side without Event Streams resources may not know) stands in on the other too, rather than show as added.
        for (int i = 0; i < 2; i++) {
            clusters[i] = new ClusterInputs.Loaded(RouterStandIn.add(clusters[i].cluster(), platforms[1 - i]), clusters[i].resources());
        }
        return clusters;
    }
}
