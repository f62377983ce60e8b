package dev.esnetpol.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * verify at scale, as a user runs it: N copies of the production example in one namespace, each run a fresh
 * JVM ({@code java -cp benchmarks.jar dev.esnetpol.cli.Main verify -f FILE}), so a figure is the whole
 * process (start-up, reading, rendering, checking). Prints the median wall time of each N and the time per
 * instance, which must not grow with N, and the median CPU time of the process (user + system, all threads):
 * on a machine shared with other builds the wall time says as much about them as about verify. A run slower
 * than the timeout is stopped and reported as such, and larger N are then skipped.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -cp target/benchmarks.jar dev.esnetpol.bench.VerifyBench [--runs 3] [--timeout 120] [--java-opts "..."] [N ...]
 * </pre>
 * N defaults to 1 10 50 200; the JVM options default to those bin/es-netpol runs verify with (the C1 compiler
 * alone and the serial collector: a one-shot command spends less on compiling than it would win);
 * {@code --java-opts ""} measures the JVM's defaults.
 */
public final class VerifyBench {

    private static final Path EXAMPLE = Path.of("examples/eventstreams-production.yaml");

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int timeoutSeconds = 120;
        String javaOpts = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                case "--java-opts" -> javaOpts = args[++i];
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(1, 10, 50, 200));
        }
        String example = Files.readString(EXAMPLE);
        Path dir = Files.createTempDirectory("verify-bench");
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(Locale.ROOT, "verify, N copies of %s in one namespace, %d run(s) each, fresh JVM per run (java %s)%n",
                EXAMPLE, runs, javaOpts);
        System.out.printf(Locale.ROOT, "%8s %12s %16s %10s   %s%n", "N", "median s", "ms per instance", "CPU s", "verify's summary");
        boolean timedOut = false;
        for (int n : sizes) {
            if (timedOut) {
                System.out.printf(Locale.ROOT, "%8d %12s %16s %10s   skipped (a smaller N timed out)%n", n, "-", "-", "-");
                continue;
            }
            Path file = dir.resolve("production-x" + n + ".yaml");
            Files.writeString(file, copies(example, n));
            double[] seconds = new double[runs];
            double[] cpu = new double[runs];
            String summary = "";
            for (int r = 0; r < runs && !timedOut; r++) {
                long start = System.nanoTime();
                Path cpuFile = dir.resolve("cpu");
                Files.deleteIfExists(cpuFile);
                List<String> command = new ArrayList<>(List.of(java));
                Arrays.stream(javaOpts.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
                command.addAll(List.of("-D" + Child.CPU_FILE + "=" + cpuFile, "-cp", classpath, Child.class.getName(), "verify", "-f", file.toString()));
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                Output out = Output.of(p);
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    timedOut = true;
                    break;
                }
                seconds[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = Files.exists(cpuFile) ? Long.parseLong(Files.readString(cpuFile).strip()) / 1e9 : Double.NaN;
                String[] lines = out.text().strip().split("\n");
                summary = lines[lines.length - 1];
            }
            if (timedOut) {
                System.out.printf(Locale.ROOT, "%8d %12s %16s %10s   stopped after %d s%n", n, "> " + timeoutSeconds, "-", "-", timeoutSeconds);
                continue;
            }
            Arrays.sort(seconds);
            Arrays.sort(cpu);
            double median = seconds[runs / 2];
            System.out.printf(Locale.ROOT, "%8d %12.2f %16.1f %10.2f   %s%n", n, median, median * 1000 / n, cpu[runs / 2], summary);
        }
    }

    /** The measured process: es-netpol's command line, and at exit its CPU time (ns) written where the bench reads it. */
    public static final class Child {
        static final String CPU_FILE = "verifybench.cpu";

        private Child() {
        }

        public static void main(String[] args) {
            String file = System.getProperty(CPU_FILE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                if (file != null && os instanceof com.sun.management.OperatingSystemMXBean sun) {
                    try {
                        Files.writeString(Path.of(file), Long.toString(sun.getProcessCpuTime()));
                    } catch (IOException e) {
                        // no figure: the bench prints NaN
                    }
                }
            }));
            dev.esnetpol.cli.Main.main(args);
        }
    }

    /** The child's output, read on a thread of its own so that a child flooding stdout cannot block on a full pipe. */
    private static final class Output extends Thread {
        private final Process process;
        private volatile byte[] bytes = new byte[0];

        private Output(Process process) {
            this.process = process;
            setDaemon(true);
        }

        static Output of(Process p) {
            Output o = new Output(p);
            o.start();
            return o;
        }

        @Override
        public void run() {
            try {
                bytes = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                bytes = new byte[0];
            }
        }

        String text() throws InterruptedException {
            join();
            return new String(bytes);
        }
    }

    /** N instances named production-1 ... production-N, all in the example's namespace (no uid: no owner references). */
    static String copies(String example, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("---\n").append(example
                    .replace("name: production\n", "name: production-" + i + "\n"));
        }
        return sb.toString();
    }
}
