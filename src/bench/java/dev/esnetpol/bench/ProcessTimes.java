package dev.esnetpol.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One child process, timed as a user's shell would time it: wall time from start to exit, CPU time (user +
 * system of every thread) and peak resident memory from {@code /usr/bin/time}, lines of standard output
 * counted off the pipe (not written to disk: hundreds of megabytes written back slowed the runs that came
 * after). A non-zero exit is an error.
 */
final class ProcessTimes {

    /** @param wallSeconds start to exit; @param cpuSeconds user + system; @param peakKb maximum RSS; @param lines of standard output */
    record Result(double wallSeconds, double cpuSeconds, long peakKb, long lines) {
    }

    private ProcessTimes() {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, ProcessBuilder.Redirect.INHERIT);
    }

    /** @param errors where the child's standard error goes ({@code DISCARD} for a banner such as {@code java -version}'s) */
    static Result run(List<String> command, ProcessBuilder.Redirect errors) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile("esnetpol-time", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", timeFile.toString()));
            cmd.addAll(command);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(errors).start();
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (var in = p.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            int code = p.waitFor();
            long elapsed = System.nanoTime() - start;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code);
            }
            // "%M %U %S": kB, then user and system seconds with two decimals (a line of its own after any message).
            String[] fields = Files.readAllLines(timeFile).stream().filter(l -> l.matches("\\d+ [0-9.]+ [0-9.]+")).findFirst().orElse("0 0 0").split(" ");
            return new Result(elapsed / 1e9, Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]), Long.parseLong(fields[0]), lines);
        } finally {
            Files.deleteIfExists(timeFile);
        }
    }
}
