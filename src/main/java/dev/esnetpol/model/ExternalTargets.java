package dev.esnetpol.model;

import dev.esnetpol.kube.Cidr;
import dev.esnetpol.kube.KubeValidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where Kafka Connect and geo-replicator pods may connect outside the cluster, from the annotation
 * {@value #ANNOTATION} on their resource: {@code none}, or a comma-separated list of
 * {@code CIDR[:PORT[/PROTOCOL]]} or {@code anywhere[:PORT[/PROTOCOL]]} (for example
 * {@code 10.20.0.0/16:9093,anywhere:443}).
 *
 * <p>Absent, they may connect anywhere on any port: connectors and remote clusters live at addresses
 * and ports no one can know in advance, and a locked-down default would break the installation on its
 * first connector. The annotation narrows it. "Anywhere" is every peer, in the cluster or outside it
 * (conventions.md): a rule with no {@code to}, never {@code ipBlock 0.0.0.0/0}, which some network plugins
 * (Cilium) never match against pods, so a sink connector writing to an in-cluster database would be cut off.
 */
public record ExternalTargets(List<Target> targets) {

    public static final String ANNOTATION = "es-netpol/external-egress";
    /** The word for every peer in the annotation. */
    public static final String ANYWHERE_WORD = "anywhere";
    public static final ExternalTargets ANYWHERE = new ExternalTargets(List.of(new Target(null, null, "TCP"),
            new Target(null, null, "UDP")));
    public static final ExternalTargets NONE = new ExternalTargets(List.of());

    /** One destination: a block of addresses (null = anywhere) and a port (null = every port) with its protocol. */
    public record Target(String cidr, Integer port, String protocol) {
        public boolean anywhere() {
            return cidr == null;
        }
    }

    /** Parses the annotation's value; problems are reported at {@code path}. */
    public static ExternalTargets parse(String value, String path, java.util.function.BiConsumer<String, String> problem) {
        if (value == null) {
            return ANYWHERE;
        }
        if (value.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Target> targets = new ArrayList<>();
        for (String item : value.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String cidr = entry;
            Integer port = null;
            String protocol = "TCP";
            // An IPv6 CIDR has colons of its own: the port separator is the first colon after the '/'.
            boolean anywhere = entry.toLowerCase(Locale.ROOT).startsWith(ANYWHERE_WORD);
            int slash = anywhere ? ANYWHERE_WORD.length() : entry.indexOf('/');
            int colon = slash < 0 ? -1 : entry.indexOf(':', slash);
            if (colon >= 0) {
                cidr = entry.substring(0, colon);
                String portText = entry.substring(colon + 1);
                int p = portText.indexOf('/');
                if (p >= 0) {
                    protocol = portText.substring(p + 1).toUpperCase(Locale.ROOT);
                    portText = portText.substring(0, p);
                }
                try {
                    port = Integer.parseInt(portText);
                    if (port < 1 || port > 65535) {
                        problem.accept(path, dev.esnetpol.kube.Messages.portOutOfRange(port) + " in '" + entry + "'");
                    }
                } catch (NumberFormatException e) {
                    problem.accept(path, "'" + portText + "' in '" + entry + "' is not a port number");
                }
                if (!KubeValidation.PROTOCOLS.contains(protocol)) {
                    problem.accept(path, "unknown protocol '" + protocol + "' in '" + entry + "' (expected TCP, UDP or SCTP)");
                }
            }
            if (anywhere) {
                if (!cidr.equalsIgnoreCase(ANYWHERE_WORD)) {
                    problem.accept(path, "'" + entry + "' is not anywhere[:PORT[/PROTOCOL]]");
                }
                targets.add(new Target(null, port, protocol));
                continue;
            }
            try {
                Cidr.parse(cidr);
            } catch (IllegalArgumentException e) {
                problem.accept(path, e.getMessage() + " (entries are CIDR[:PORT[/PROTOCOL]], anywhere[:PORT[/PROTOCOL]] or 'none')");
            }
            targets.add(new Target(cidr, port, protocol));
        }
        return new ExternalTargets(targets);
    }
}
