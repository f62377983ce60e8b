package dev.esnetpol.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the libraries alone cost a one-shot command, next to the command itself (issue 24, small inputs): whole
 * processes, interleaved, medians of wall and CPU time (from {@code /usr/bin/time}) of
 * <ol>
 *   <li>{@code java -Xshare:auto -version}: the JVM;</li>
 *   <li>{@code bin/es-netpol --version}: the JVM, the jar and picocli's model of the top command;</li>
 *   <li>the JVM with the launcher's archive and flags, building picocli's model of {@code matrix} and nothing
 *       else ({@link Child} without a file);</li>
 *   <li>the same, then SnakeYAML reading every token of FILE through Jackson's YAML parser, building nothing
 *       ({@link Child} with the file): the floor of a {@code matrix} on FILE with these libraries;</li>
 *   <li>{@code bin/es-netpol matrix -o connlist FILE}: the command.</li>
 * </ol>
 * Run it after {@code bin/es-netpol --version} has made the launcher's copy of the jar and its archive.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package &amp;&amp; bin/es-netpol --version
 * java -cp target/benchmarks.jar dev.esnetpol.bench.StartupFloor FILE [RUNS]
 * </pre>
 */
public final class StartupFloor {

    private StartupFloor() {
    }

    /** The measured child: picocli's model of {@code matrix}, then (given a file) every YAML token of it. */
    public static final class Child {

        private Child() {
        }

        public static void main(String[] args) throws Exception {
            dev.esnetpol.cli.Main.newCommandLine("matrix");
            if (args.length > 0) {
                long tokens = 0;
                try (Reader reader = Files.newBufferedReader(Path.of(args[0])); JsonParser parser = new YAMLFactory().createParser(reader)) {
                    while (parser.nextToken() != null) {
                        tokens++;
                    }
                }
                System.out.println(tokens);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StartupFloor FILE [RUNS]");
            System.exit(2);
        }
        String file = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        Path launcher = Path.of("target/launcher");
        if (!Files.exists(launcher.resolve("es-netpol.jar")) || !Files.exists(launcher.resolve("es-netpol.jsa"))) {
            throw new IllegalStateException("run bin/es-netpol --version first: the launcher's jar and archive are needed");
        }
        String benchJar = Path.of(StartupFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        // The launcher's flags for one-shot commands (bin/es-netpol), with its archive and jar first on the class path.
        List<String> jvm = new ArrayList<>(List.of("java", "-Xshare:auto", "-Xlog:disable", "-Xlog:all=off",
                "-XX:SharedArchiveFile=" + launcher.resolve("es-netpol.jsa"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (transparentHugePages()) {
            jvm.add("-XX:+UseTransparentHugePages"); // as bin/es-netpol gives it where Linux offers them
        }
        jvm.addAll(List.of("-cp", launcher.resolve("es-netpol.jar") + ":" + benchJar, Child.class.getName()));
        List<List<String>> commands = List.of(
                List.of("java", "-Xshare:auto", "-version"),
                List.of("bin/es-netpol", "--version"),
                jvm,
                concat(jvm, file),
                List.of("bin/es-netpol", "matrix", "-o", "connlist", file));
        List<String> names = List.of("java -version (the JVM)", "bin/es-netpol --version", "JVM + picocli model of matrix",
                "  + SnakeYAML tokens of the file", "bin/es-netpol matrix -o connlist FILE");
        double[][] wall = new double[commands.size()][runs];
        double[][] cpu = new double[commands.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int c = 0; c < commands.size(); c++) {
                ProcessTimes.Result t = ProcessTimes.run(commands.get(c), c == 0 ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
                wall[c][r] = t.wallSeconds();
                cpu[c][r] = t.cpuSeconds();
            }
        }
        System.out.printf("%-40s %8s %8s%n", "process (medians of " + runs + ", interleaved)", "wall s", "cpu s");
        for (int c = 0; c < commands.size(); c++) {
            System.out.printf("%-40s %8.2f %8.2f%n", names.get(c), median(wall[c]), median(cpu[c]));
        }
    }

    /** Whether Linux offers transparent huge pages (madvise or always), the launcher's test. */
    private static boolean transparentHugePages() {
        try {
            return !Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[never]");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
