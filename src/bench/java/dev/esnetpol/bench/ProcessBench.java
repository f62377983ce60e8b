package dev.esnetpol.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process runs, as a user sees them: generate a synthetic cluster as YAML, run
 * {@code COMMAND matrix -o connlist FILE} in a child process, and print wall time, CPU time (user + system,
 * every thread of the child: on a shared machine it moves less with the load than wall time does), peak resident
 * memory (the child's maximum RSS; both from {@code /usr/bin/time}) and output lines. Medians of {@code runs}
 * runs; the load average before and after is printed with them.
 *
 * <p>COMMAND is the launcher ({@code bin/es-netpol}: its class-data archive and JVM flags, what a user runs)
 * or a jar ({@code java -jar JAR}, with the JVM options of {@code BENCH_JAVA_OPTS}). A shape named
 * {@code NAME-list} writes the cluster as one {@code kind: List}, as {@code kubectl get -o yaml} prints it.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -cp target/benchmarks.jar dev.esnetpol.bench.ProcessBench bin/es-netpol standard,standard-list 100:20,1000:200,5000:1000 3
 * BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" java -cp target/benchmarks.jar dev.esnetpol.bench.ProcessBench target/es-netpol.jar standard 100:20 3
 * </pre>
 */
public final class ProcessBench {

    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ProcessBench LAUNCHER|JAR SHAPE[-list][,SHAPE] PODS:POLICIES[,...] [RUNS] [extra args for matrix...]");
            System.exit(2);
        }
        String command = args[0];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> extra = args.length > 4 ? Arrays.asList(args).subList(4, args.length) : List.of();
        Path dir = Files.createTempDirectory("esnetpol-bench");
        if (!command.endsWith(".jar")) {
            // Untimed: a launcher builds its jar and class-data archive on first use.
            new ProcessBuilder(command, "--version").inheritIO().start().waitFor();
        }
        // Every file first: generating them keeps this JVM's compiler threads busy for a while, and they would
        // take a core from the measured runs.
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String shapeName : args[1].split(",")) {
            boolean list = shapeName.endsWith("-list");
            SyntheticCluster.Shape shape = SyntheticCluster.Shape.valueOf(list ? shapeName.substring(0, shapeName.length() - "-list".length()) : shapeName);
            for (String size : args[2].split(",")) {
                String[] ps = size.split(":");
                Path yaml = dir.resolve(shapeName + "-" + ps[0] + ".yaml");
                var cluster = SyntheticCluster.of(shape, Integer.parseInt(ps[0]), Integer.parseInt(ps[1]), 42);
                if (list) {
                    ClusterYaml.writeList(cluster, yaml);
                } else {
                    ClusterYaml.write(cluster, yaml);
                }
                names.add(String.format("%-15s %-12s", shapeName, size));
                files.add(yaml);
            }
        }
        System.gc();
        Thread.sleep(2000);
        String loadBefore = loadAverage();
        // Interleaved (run 1 of every file, then run 2, ...), so that a change in the machine's load spreads
        // over all of them rather than falling on one.
        double[][] seconds = new double[files.size()][runs];
        long[][] peakKb = new long[files.size()][runs];
        double[][] cpuSeconds = new double[files.size()][runs];
        long[] lines = new long[files.size()];
        for (int r = 0; r < runs; r++) {
            for (int f = 0; f < files.size(); f++) {
                ProcessTimes.Result result = run(command, files.get(f), extra);
                seconds[f][r] = result.wallSeconds();
                peakKb[f][r] = result.peakKb();
                lines[f] = result.lines();
                cpuSeconds[f][r] = result.cpuSeconds();
            }
        }
        System.out.printf("load average before %s, after %s%n", loadBefore, loadAverage());
        System.out.printf("%-15s %-12s %10s %10s %10s %10s%n", "shape", "size", "median s", "cpu s", "peak MB", "lines");
        for (int f = 0; f < files.size(); f++) {
            Arrays.sort(seconds[f]);
            Arrays.sort(cpuSeconds[f]);
            Arrays.sort(peakKb[f]);
            System.out.printf("%s %10.2f %10.2f %10d %10d%n", names.get(f), seconds[f][runs / 2], cpuSeconds[f][runs / 2], peakKb[f][runs / 2] / 1024, lines[f]);
        }
    }

    /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "unknown" where there is none. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One child run of {@code COMMAND matrix -o connlist [extra] FILE}. */
    private static ProcessTimes.Result run(String command, Path yaml, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (command.endsWith(".jar")) {
            cmd.add("java");
            // The JVM options of the child, e.g. those bin/es-netpol gives one-shot commands:
            // BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            String opts = System.getenv("BENCH_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
            }
            cmd.addAll(List.of("-jar", command));
        } else {
            cmd.add(command);
        }
        cmd.addAll(List.of("matrix", "-o", "connlist"));
        cmd.addAll(extra);
        cmd.add(yaml.toString());
        return ProcessTimes.run(cmd);
    }
}
