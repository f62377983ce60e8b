package dev.esnetpol.verify;

import java.io.PrintWriter;
import java.util.Locale;

/** Where a long verification says how far it is. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (phase, done, total) -> { };

    void update(String phase, int done, int total);

    /**
     * Lines on {@code err} ("verify: least privilege, 1200/3000 pods, 4.1 s") once the run has taken more than
     * {@code quietMillis}, then at most one a second; nothing for a quick run.
     */
    static Progress after(long quietMillis, PrintWriter err) {
        long start = System.nanoTime();
        long[] last = {start};
        boolean[] spoke = {false};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            long elapsed = (now - start) / 1_000_000;
            if (elapsed > quietMillis && (!spoke[0] || (now - last[0]) / 1_000_000 >= 1000)) {
                spoke[0] = true;
                last[0] = now;
                err.printf(Locale.ROOT, "verify: %s, %d/%d, %.1f s%n", phase, done, total, elapsed / 1000.0);
                err.flush();
            }
        };
    }
}
