package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.model.ExternalTargets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The grants to any address or any pod that an installation's policies make only because nothing narrower was
 * configured: the catalogue (or es-netpol's additions) allows them as a default, and an option or annotation
 * narrows each. Read from the flows the policies are written from, so that verify, review, the operator's status
 * and the webhook name the same ones.
 *
 * <ul>
 *   <li>{@link Kind#API_SERVER}: the API server egress (443 and 6443) to any address while {@code --api-server-cidr}
 *       is not given (docs/generator.md, "The Kubernetes API server").</li>
 *   <li>{@link Kind#DNS}: the DNS egress (53, or {@code --dns-port}) to any address: the cluster DNS runs in a place
 *       that differs between distributions, so it is reached by port alone; nothing narrows it yet.</li>
 *   <li>{@link Kind#EXTERNAL_EGRESS}: Kafka Connect's and MirrorMaker 2's egress to anywhere, every port, while
 *       their resource has no {@value ExternalTargets#ANNOTATION} annotation.</li>
 *   <li>{@link Kind#METRICS}: the metrics and readiness rows the documentation opens to "Anywhere" (9404, 9999,
 *       7888, 8443; "Network policies" page, ingress tables) while {@code --metrics-from} is not given.</li>
 * </ul>
 */
public final class DefaultGrants {

    /** The kinds of default grant, each with what it is and what narrows it. */
    public enum Kind {
        API_SERVER("egress to the Kubernetes API server's ports at any address", false,
                "--api-server-cidr (Helm apiServerCidr): the API server's address block(s)"),
        DNS("egress to the DNS ports at any address", false,
                "no option yet: the cluster DNS is reached by port alone (--dns-port chooses the ports, not the addresses)"),
        EXTERNAL_EGRESS("egress to any address on any port (connectors, remote clusters)", false,
                "the annotation " + ExternalTargets.ANNOTATION + " on the resource (CIDR[:PORT[/PROTOCOL]], or none)"),
        METRICS("ingress from anywhere to metrics and readiness (the documentation's \"Anywhere\")", true,
                "--metrics-from (Helm eventStreamsMetricsFrom): the scrapers, as NetworkPolicy peers");

        private final String description;
        private final boolean ingress;
        private final String narrowedBy;

        Kind(String description, boolean ingress, String narrowedBy) {
            this.description = description;
            this.ingress = ingress;
            this.narrowedBy = narrowedBy;
        }

        /** What the grant opens, in words. */
        public String description() {
            return description;
        }

        /** Whether it is granted on the pods' ingress side (else their egress side). */
        public boolean ingress() {
            return ingress;
        }

        /** The option or annotation that narrows it. */
        public String narrowedBy() {
            return narrowedBy;
        }
    }

    /**
     * One default grant of one pod group: {@code ports} as {@code PORT/PROTOCOL} ({@code all/TCP} for every port),
     * in ascending order; {@code flows} the flows it is made of (a verifier probes them).
     */
    public record Grant(Kind kind, PodGroup group, List<String> ports, List<Flow> flows) {
        public Grant {
            ports = List.copyOf(ports);
            flows = List.copyOf(flows);
        }
    }

    private DefaultGrants() {
    }

    /** The kind of default grant a flow is, if it is one under these options. */
    public static Optional<Kind> kindOf(Flow f, GeneratorOptions options) {
        if (f.egress() && f.to() instanceof Endpoint.ApiServer && options.apiServerCidrs().isEmpty()) {
            return Optional.of(Kind.API_SERVER);
        }
        if (f.egress() && f.to() instanceof Endpoint.Dns) {
            return Optional.of(Kind.DNS);
        }
        if (f.egress() && f.to() instanceof Endpoint.Anywhere && f.from() instanceof Endpoint.Pods p && p.group().component().hasOwnResource()) {
            return Optional.of(Kind.EXTERNAL_EGRESS);
        }
        if (f.ingress() && f.from() instanceof Endpoint.Anywhere && f.to() instanceof Endpoint.Pods && f.port() != null
                && Catalogue.SCRAPE_PORTS.contains(f.port()) && options.metricsFrom().isEmpty()) {
            return Optional.of(Kind.METRICS);
        }
        return Optional.empty();
    }

    /** The default grants among an installation's flows, one per kind and pod group, in the flows' order. */
    public static List<Grant> of(List<Flow> flows, GeneratorOptions options) {
        Map<List<Object>, List<Flow>> byKindAndGroup = new LinkedHashMap<>();
        for (Flow f : flows) {
            kindOf(f, options).ifPresent(kind -> {
                PodGroup group = ((Endpoint.Pods) (kind.ingress() ? f.to() : f.from())).group();
                byKindAndGroup.computeIfAbsent(List.of(kind, group), k -> new ArrayList<>()).add(f);
            });
        }
        List<Grant> out = new ArrayList<>();
        byKindAndGroup.forEach((key, fs) -> {
            TreeSet<String> ports = new TreeSet<>(java.util.Comparator.comparing((String p) -> p.startsWith("all") ? -1
                    : Integer.parseInt(p.substring(0, p.indexOf('/')))).thenComparing(p -> p));
            fs.forEach(f -> ports.add(f.portText()));
            out.add(new Grant((Kind) key.get(0), (PodGroup) key.get(1), new ArrayList<>(ports), fs));
        });
        return out;
    }

    /**
     * One sentence per kind for a resource's status or a warning: what is open, for which components, and what
     * narrows it ({@code "DNS egress to any address (kafka, zookeeper) on 53/TCP,53/UDP: narrowed by ..."}).
     */
    public static List<String> sentences(List<Grant> grants) {
        Map<Kind, List<Grant>> byKind = new LinkedHashMap<>();
        grants.forEach(g -> byKind.computeIfAbsent(g.kind(), k -> new ArrayList<>()).add(g));
        List<String> out = new ArrayList<>();
        byKind.forEach((kind, gs) -> {
            TreeSet<String> ports = new TreeSet<>();
            gs.forEach(g -> ports.addAll(g.ports()));
            out.add(kind.description() + " (" + String.join(", ", gs.stream().map(g -> g.group().toString()).distinct().toList()) + ") on "
                    + String.join(",", ports) + "; narrowed by " + kind.narrowedBy());
        });
        return out;
    }

    /**
     * What the policies controlled by the resource of {@code uid} grant anywhere only because no option narrows it
     * (the API server, DNS, connector egress, metrics), one sentence per kind, for the operator's status: the
     * operator writes exactly these flows. From a generation already made ({@link PolicyGenerator#generateWithFlows}):
     * its flows, not resolved again.
     */
    public static List<String> sentencesOwnedBy(String uid, PolicyGenerator.Generation generation) {
        InstallationFacts facts = generation.facts();
        GeneratorOptions options = generation.options();
        List<Grant> grants = of(generation.flows(), options).stream()
                .filter(g -> (g.kind().ingress() || options.egress()) && facts.owner(g.group()) != null
                        && uid.equals(facts.owner(g.group()).getMetadata().getUid()))
                .toList();
        return sentences(grants);
    }
}
