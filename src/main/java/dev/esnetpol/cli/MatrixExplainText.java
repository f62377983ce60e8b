package dev.esnetpol.cli;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.PairExplanations;
import dev.esnetpol.analyze.PairReasons;

import java.io.PrintWriter;

/** {@code matrix --explain} as text: per pair, what is allowed and denied, and each side's deciding rules. */
final class MatrixExplainText {

    private MatrixExplainText() {
    }

    static void write(PairExplanations.Pair p, PrintWriter out) {
        out.append(p.from()).append(" => ").append(p.to()).append('\n');
        part(out, "allowed", p.allowed(), p.allowedBy());
        part(out, "denied", p.denied(), p.deniedBy());
        out.append('\n');
    }

    private static void part(PrintWriter out, String label, Connections c, PairReasons why) {
        if (why == null) {
            return;
        }
        out.append("  ").append(label).append(' ').append(c.toString()).append(":\n");
        for (String line : why.lines()) {
            out.append("    ").append(line).append('\n');
        }
    }
}
