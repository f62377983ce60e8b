package dev.esnetpol.verify;

import java.util.List;

/**
 * One difference between what the policies allow and what the catalogue documents. {@code MISSING}: a
 * documented flow is blocked; {@code EXCESS}: a connection is allowed that no catalogue row (or es-netpol
 * addition) calls for. {@code side} says where it was found (ingress of the destination, egress of the
 * source, or end to end); {@code responsible} names the policies and rules that decide it.
 */
public record Finding(Kind kind, String side, String from, String to, String connections, String reason, List<String> responsible) {

    public enum Kind { MISSING, EXCESS }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-8s %s -> %s  %s", kind, from, to, connections));
        if (reason != null && !reason.isEmpty()) {
            sb.append("  (").append(reason).append(')');
        }
        sb.append('\n');
        for (String r : responsible) {
            sb.append("         ").append(side).append(": ").append(r).append('\n');
        }
        return sb.toString();
    }
}
