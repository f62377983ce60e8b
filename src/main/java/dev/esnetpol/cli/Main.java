package dev.esnetpol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code es-netpol} command. */
@Command(name = "es-netpol",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Network policies for Event Streams (Kafka on Kubernetes): render them from the custom resources,",
                "prove what they allow, and keep them applied on a cluster."},
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
public final class Main implements Runnable {

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
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
        // picocli's own default for usage errors is 2, which matches our "error" code.
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
