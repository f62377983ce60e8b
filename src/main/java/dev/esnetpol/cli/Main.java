package dev.esnetpol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code es-netpol} command. */
@Command(name = "es-netpol",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network policies for Event Streams (Kafka on Kubernetes): render them from the custom resources, "
                + "prove what they allow, and keep them applied on a cluster.",
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success, nothing to report",
                "  1  findings (verify, review: flows missing or in excess)",
                "  2  error: bad input, unreachable cluster, bad usage"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            RenderCommand.class,
            CatalogueCommand.class,
            VerifyCommand.class,
            ExplainCommand.class,
            MatrixCommand.class,
            DiffCommand.class,
            WebhookCommand.class,
            OperatorCommand.class,
            ReviewCommand.class,
            CommandLine.HelpCommand.class);

    /** The width of --help: examples are written to fit it. */
    static final int USAGE_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link YamlOption#execute} from the parse result, wherever on the command line it was given. */
    @CommandLine.Option(names = YamlOption.NAME, paramLabel = "kubectl|1.2", scope = CommandLine.ScopeType.INHERIT,
            converter = YamlOption.Converter.class, description = YamlOption.DESCRIPTION)
    dev.esnetpol.input.YamlReading yaml;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int run(String... args) {
        return newCommandLine(args).execute(args);
    }

    /** The whole command tree: every subcommand (help output, tests that run several command lines on one tree). */
    public static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /**
     * The command tree for one command line: when {@code args} starts with a subcommand's name (or alias), only
     * that subcommand; for {@code --version} alone, none; otherwise (no arguments, {@code --help},
     * {@code help COMMAND}, a misspelt name) all of them.
     *
     * <p>Why: picocli reflects over every registered command class when the tree is built, and its own
     * classes (compiled for Java 5) cannot go into the class-data archive; building eight subcommands took
     * 0.15 s of a 0.4 s {@code es-netpol --version} on a 2-core machine. A user who runs {@code matrix} pays
     * for {@code matrix}. {@code CommandTreeTest} checks that each subcommand behaves the same either way.
     */
    public static CommandLine newCommandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> only = args.length == 0 ? null : SUBCOMMANDS.stream().filter(c -> names(c).contains(args[0])).findFirst().orElse(null);
        if (only == CommandLine.HelpCommand.class) {
            only = null; // help prints the others' help
        }
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> command : SUBCOMMANDS) {
            if (!versionOnly && (only == null || command == only)) {
                cli.addSubcommand(command);
            }
        }
        // Wide enough for every example on one line (a test checks that none is longer).
        cli.setUsageHelpWidth(USAGE_WIDTH);
        Hooks hooks = new Hooks();
        unwrappedFooters(cli, hooks);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setExecutionStrategy(hooks);
        cli.setParameterExceptionHandler(hooks);
        // picocli's own default for usage errors is 2, which matches our "error" code.
        cli.setExitCodeExceptionMapper(hooks);
        return cli;
    }

    /**
     * Footers (the examples and exit codes) printed line for line, never wrapped: picocli wraps every section at
     * the usage width, and {@code -Dpicocli.usage.width=80} (in JAVA_TOOL_OPTIONS, say) overrides ours, which cut
     * examples in the middle of a command. A command is copied whole from a help; descriptions still wrap.
     */
    private static void unwrappedFooters(CommandLine cli, Hooks hooks) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, hooks);
        for (CommandLine sub : cli.getSubcommands().values()) {
            unwrappedFooters(sub, hooks);
        }
    }

    /**
     * What es-netpol plugs into picocli: how a parsed command line runs (with its YAML reading, into its output
     * file), usage errors, the exit code of an exception, the footer renderer.
     *
     * <p>A class rather than lambdas, for start-up time: the class-data archive is dumped from a list of the
     * classes a training run loaded, and a lambda of a picocli interface makes the JDK link that interface while
     * dumping; picocli is compiled for Java 5, and JDK 17 leaves a linked class of that age out of the archive,
     * with every picocli class that implements it (25 of them, the help renderers among them), so each command
     * loaded and verified them from the jar.
     */
    private static final class Hooks implements CommandLine.IExecutionStrategy, CommandLine.IParameterExceptionHandler,
            CommandLine.IExitCodeExceptionMapper, CommandLine.IHelpSectionRenderer {

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            return YamlOption.execute(parsed, OutputFileOption::execute);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            return usageError(ex, args);
        }

        @Override
        public int getExitCode(Throwable exception) {
            return ExitCodes.ERROR;
        }

        @Override
        public String render(CommandLine.Help help) {
            StringBuilder sb = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                sb.append(line).append(System.lineSeparator());
            }
            return sb.toString();
        }
    }

    /** The name and aliases a subcommand class declares in its {@code @Command}. */
    static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(0, c.name());
        return names;
    }

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
            // The first only: after a misspelt command, the rest of the line is unmatched too, and suggesting
            // options of the top-level command for its -f would only add noise.
            for (String arg : unmatched.getUnmatched().stream().limit(1).toList()) {
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

    /** No command: the help, on standard error, and the usage error code (a script that forgot its command must not pass). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.ERROR;
    }
}
