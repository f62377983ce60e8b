package dev.esnetpol.verify;

import dev.esnetpol.analyze.Explanation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A finding for a terminal: one line for the connection, one per deciding policy or rule. */
public final class FindingText {

    private FindingText() {
    }

    public static String of(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-8s %s -> %s  %s", f.kind(), f.from(), f.to(), f.connections()));
        sb.append("  (").append(f.reason()).append(')').append('\n');
        String where = where(f);
        for (String line : because(f)) {
            sb.append("         ").append(where).append(": ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** Where the finding was checked: "end to end", "egress", or "ingress of ns/pod". */
    public static String where(Finding f) {
        return switch (f.where()) {
            case END_TO_END -> "end to end";
            case EGRESS_OF_SOURCE -> f.kind() == Finding.Kind.MISSING ? "egress" : "egress of " + f.from();
            case INGRESS_OF_DESTINATION -> "ingress of " + f.to();
        };
    }

    /** One line per reason: the blocking side of a missing flow, the admitting rules of an excess one. */
    public static List<String> because(Finding f) {
        List<String> lines = new ArrayList<>();
        switch (f.kind()) {
            case MISSING -> f.decisions().forEach(s -> lines.add((s.ingress() ? "ingress of " : "egress of ") + s.pod() + ": " + s.summary()));
            case EXCESS -> f.decisions().forEach(s -> lines.addAll(admitting(s)));
            case CNI_DEPENDENT -> lines.add(f.profiles().stream()
                    .map(p -> (p.allowed() ? "allowed on " : "denied on ") + p.profile()).collect(Collectors.joining(", ")));
        }
        return lines;
    }

    private static List<String> admitting(Explanation.Side s) {
        if (!s.isolated()) {
            return List.of("no policy selects " + s.pod() + " for " + (s.ingress() ? "ingress" : "egress") + ": everything is allowed");
        }
        return s.admittingRules().stream().map(r -> "admitted by " + r).toList();
    }
}
