package dev.esnetpol.analyze;

import java.util.List;

/**
 * Why a connection is allowed or denied: the verdict, and for each side the policies that isolate the pod
 * in that direction and the rules that admit the connection.
 */
public record Explanation(Node from, Node to, String protocol, int port, boolean allowed, boolean self, Side egress, Side ingress) {

    /**
     * One side: {@code pod} ({@code ingress}: the destination, else the source), whether it is isolated in
     * that direction, by which policies, which rules admit the connection, and a one-line summary.
     */
    public record Side(String pod, boolean ingress, boolean isolated, List<String> isolatingPolicies, List<String> admittingRules,
                       boolean allows, String summary) {

        static Side outside(String address) {
            return new Side(address, false, false, List.of(), List.of(), true, "outside the cluster: no policy applies");
        }
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(allowed ? "ALLOWED" : "DENIED").append(": ").append(from).append(" -> ").append(to).append(' ')
                .append(port).append('/').append(protocol).append('\n');
        if (self) {
            sb.append("  a pod's traffic to itself never crosses a policy\n");
        }
        sb.append("  egress of ").append(egress.pod()).append(": ").append(egress.summary()).append('\n');
        egress.admittingRules().stream().skip(1).forEach(r -> sb.append("    also ").append(r).append('\n'));
        sb.append("  ingress of ").append(ingress.pod()).append(": ").append(ingress.summary()).append('\n');
        ingress.admittingRules().stream().skip(1).forEach(r -> sb.append("    also ").append(r).append('\n'));
        return sb.toString();
    }
}
