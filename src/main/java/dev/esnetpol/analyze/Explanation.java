package dev.esnetpol.analyze;

import java.util.List;
import java.util.Map;

/**
 * Why a connection is allowed or denied under one {@link Profile}: the verdict, for each side the policies
 * that isolate the pod in that direction and the rules that admit the connection, notes on how the ends were
 * read (an address that is a pod's, a host-network pod seen by its node's address, a pod that is not an
 * endpoint), and the verdicts of the other profiles where they differ (empty when not compared).
 */
public record Explanation(Node from, Node to, String protocol, int port, boolean allowed, boolean self, Side egress, Side ingress,
                          Profile profile, List<String> notes, Map<Profile, Boolean> differingProfiles) {

    public Explanation {
        notes = List.copyOf(notes);
        differingProfiles = Map.copyOf(differingProfiles);
    }

    /**
     * One side: {@code pod} ({@code ingress}: the destination, else the source), whether it is isolated in
     * that direction, by which policies, which rules admit the connection, and a one-line summary.
     */
    public record Side(String pod, boolean ingress, boolean isolated, List<String> isolatingPolicies, List<String> admittingRules,
                       boolean allows, String summary) {

        static Side outside(String address) {
            return new Side(address, false, false, List.of(), List.of(), true, "outside the cluster: no policy applies");
        }

        static Side notEndpoint(String pod, boolean ingress, String reason) {
            return new Side(pod, ingress, false, List.of(), List.of(), false, "not an endpoint: " + reason);
        }
    }

    /** The same explanation, with what the other profiles say where they differ. */
    public Explanation withDifferingProfiles(Map<Profile, Boolean> others) {
        return new Explanation(from, to, protocol, port, allowed, self, egress, ingress, profile, notes, others);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(allowed ? "ALLOWED" : "DENIED").append(": ").append(from).append(" -> ").append(to).append(' ')
                .append(port).append('/').append(protocol).append(" (profile ").append(profile.id()).append(")\n");
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        if (self) {
            sb.append("  a pod's traffic to itself never crosses a policy\n");
        }
        sb.append("  egress of ").append(egress.pod()).append(": ").append(egress.summary()).append('\n');
        egress.admittingRules().stream().skip(1).forEach(r -> sb.append("    also ").append(r).append('\n'));
        sb.append("  ingress of ").append(ingress.pod()).append(": ").append(ingress.summary()).append('\n');
        ingress.admittingRules().stream().skip(1).forEach(r -> sb.append("    also ").append(r).append('\n'));
        for (Profile p : Profile.values()) {
            Boolean other = differingProfiles.get(p);
            if (other != null) {
                sb.append("  under profile ").append(p.id()).append(": ").append(other ? "ALLOWED" : "DENIED").append('\n');
            }
        }
        return sb.toString();
    }
}
