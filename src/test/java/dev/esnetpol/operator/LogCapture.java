package dev.esnetpol.operator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the operator logs while a test runs: slf4j-simple writes to {@code System.err} as it is at each line, so
 * this copies it into a buffer (and still to the real stderr). Levels are set in src/test/resources/simplelogger.properties.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (buffer) {
                    buffer.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (buffer) {
                    buffer.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    List<String> lines() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The lines of the operator's own loggers. */
    List<String> operatorLines() {
        return lines().stream().filter(l -> l.contains("dev.esnetpol.operator")).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
