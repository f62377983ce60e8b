package dev.esnetpol.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The training run of {@code bin/es-netpol}'s class-data archive: every command once, in one JVM, on the
 * bundled examples, so that the archive holds the classes of all of them (not only render's) and each
 * starts faster. Not a user command; output is discarded.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args.length > 0 ? args[0] : ".");
        String production = home.resolve("examples/eventstreams-production.yaml").toString();
        String examples = home.resolve("examples").toString();
        // A namespace as kubectl prints it (Namespace, Pods, NetworkPolicies, the Event Streams resources): what
        // matrix, explain and review read from a cluster, which the resources alone do not exercise.
        String namespace = home.resolve("examples/es-prod-namespace").toString();
        String[][] runs = {
                {"render", "-f", production},
                {"render", "-f", examples, "-o", "json"},
                {"verify", "-f", production},
                {"verify", "-f", production, "-o", "json"},
                {"explain", "--from", "production-ibm-es-ui-0", "--to", "production-kafka-0", "--port", "9091", production},
                {"matrix", examples},
                {"matrix", production, "-o", "json"},
                {"review", "-f", production, "-o", "markdown"},
                {"review", "-f", namespace},
                {"matrix", "--no-render", namespace, "-o", "connlist"},
                {"explain", "--no-render", "--from", "production-kafka-0", "--to", "production-kafka-1", "--port", "9091", namespace},
                {"diff", production, namespace},
                {"catalogue"},
                {"operator", "--help"},
                {"webhook", "--help"},
                {"--version"},
        };
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String[] run : runs) {
            CommandLine cli = Main.newCommandLine();
            cli.setOut(nowhere);
            cli.setErr(nowhere);
            cli.execute(run);
        }
    }
}
