package dev.esnetpol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code es-netpol} command. */
@Command(name = "es-netpol",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network policies for Event Streams (Kafka on Kubernetes): render them from the custom resources, "
                + "prove what they allow, and keep them applied on a cluster.",
        subcommands = {
                RenderCommand.class,
                CatalogueCommand.class,
                VerifyCommand.class,
                ExplainCommand.class,
                MatrixCommand.class,
                WebhookCommand.class,
                OperatorCommand.class,
                ReviewCommand.class,
                CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success, nothing to report",
                "  1  findings (verify, review: flows missing or in excess)",
                "  2  error: bad input, unreachable cluster, bad usage"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** The width of --help: examples are written to fit it. */
    static final int USAGE_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        // Wide enough for every example on one line (a test checks that none is longer).
        cli.setUsageHelpWidth(USAGE_WIDTH);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
        // picocli's own default for usage errors is 2, which matches our "error" code.
        return cli;
    }

    /** No command: the help, on standard error, and the usage error code (a script that forgot its command must not pass). */
    /**
     * A usage mistake, as kubectl reports one: the bad argument named, the closest option when one is close,
     * and where the help is; not the whole help, which would push the message off the screen.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            java.util.List<String> names = new java.util.ArrayList<>();
            cmd.getCommandSpec().options().forEach(o -> names.addAll(java.util.List.of(o.names())));
            names.addAll(cmd.getSubcommands().keySet());
            for (String arg : unmatched.getUnmatched()) {
                String word = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String hint = dev.esnetpol.kube.Suggestions.didYouMean(word, names);
                if (!hint.isEmpty()) {
                    err.println("  '" + word + "'" + hint.replace(" (", ": ").replace(")", ""));
                }
            }
        }
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.ERROR;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.ERROR;
    }
}
