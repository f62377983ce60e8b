package dev.esnetpol.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process runs, as a user sees them: generate a synthetic cluster as YAML, run
 * {@code java -jar JAR matrix -o connlist FILE} in a child JVM, and print wall time, peak resident memory
 * (the child's maximum RSS, from {@code /usr/bin/time}) and output lines. The median of {@code runs} runs.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -cp target/benchmarks.jar dev.esnetpol.bench.ProcessBench target/es-netpol.jar standard 100:20,1000:200,5000:1000 3
 * (BENCH_JAVA_OPTS gives the child JVM options, e.g. the launcher's "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
 * </pre>
 */
public final class ProcessBench {

    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ProcessBench JAR SHAPE[,SHAPE] PODS:POLICIES[,...] [RUNS] [extra args for matrix...]");
            System.exit(2);
        }
        String jar = args[0];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> extra = args.length > 4 ? Arrays.asList(args).subList(4, args.length) : List.of();
        Path dir = Files.createTempDirectory("esnetpol-bench");
        System.out.printf("%-10s %-12s %10s %10s %10s%n", "shape", "size", "median s", "peak MB", "lines");
        for (String shapeName : args[1].split(",")) {
            SyntheticCluster.Shape shape = SyntheticCluster.Shape.valueOf(shapeName);
            for (String size : args[2].split(",")) {
                String[] ps = size.split(":");
                Path yaml = dir.resolve(shape + "-" + ps[0] + ".yaml");
                ClusterYaml.write(SyntheticCluster.of(shape, Integer.parseInt(ps[0]), Integer.parseInt(ps[1]), 42), yaml);
                double[] seconds = new double[runs];
                long[] peakKb = new long[runs];
                long lines = 0;
                for (int r = 0; r < runs; r++) {
                    long[] result = run(jar, yaml, dir.resolve("out.txt"), extra);
                    seconds[r] = result[0] / 1e9;
                    peakKb[r] = result[1];
                    lines = result[2];
                }
                Arrays.sort(seconds);
                Arrays.sort(peakKb);
                System.out.printf("%-10s %-12s %10.2f %10d %10d%n", shape, size, seconds[runs / 2], peakKb[runs / 2] / 1024, lines);
            }
        }
    }

    /** {nanoseconds, peak RSS in kB, output lines} of one child run. */
    private static long[] run(String jar, Path yaml, Path out, List<String> extra) throws IOException, InterruptedException {
        Path timeFile = out.resolveSibling("time.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", timeFile.toString(), "java"));
        // The JVM options of the child, e.g. those bin/es-netpol gives one-shot commands:
        // BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
        String opts = System.getenv("BENCH_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar, "matrix", "-o", "connlist"));
        cmd.addAll(extra);
        cmd.add(yaml.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int code = p.waitFor();
        long elapsed = System.nanoTime() - start;
        if (code != 0) {
            throw new IllegalStateException("matrix exited " + code);
        }
        long peak = Long.parseLong(Files.readAllLines(timeFile).stream().filter(l -> l.matches("\\d+")).findFirst().orElse("0"));
        long lines;
        try (var s = Files.lines(out)) {
            lines = s.count();
        }
        return new long[]{elapsed, peak, lines};
    }
}
