package dev.esnetpol.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the es-netpol command line in-process, as a user would from a shell, capturing what it prints. */
public record CliRun(int code, String out, String err) {

    public static CliRun run(String... args) {
        return runWithStdin(null, args);
    }

    /**
     * Runs with {@code kubeconfig} as the kubeconfig file (the {@code kubeconfig} system property fabric8 and
     * es-netpol read; a missing file is "no kubeconfig"), so that a developer's own does not change the result.
     */
    public static synchronized CliRun runWithKubeconfig(java.nio.file.Path kubeconfig, String... args) {
        String previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            return runWithStdin(null, args);
        } finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }

    public static synchronized CliRun runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The tree a user's command line gets (only the subcommand it names), as Main.main builds it.
        CommandLine cli = Main.newCommandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        InputStream previous = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int code = cli.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }
}
