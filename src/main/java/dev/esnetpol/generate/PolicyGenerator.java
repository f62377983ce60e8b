package dev.esnetpol.generate;

import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Event Streams resources in, NetworkPolicies out: one policy per pod group the configuration runs.
 * Deterministic: the same input gives the same policies in the same order.
 */
public final class PolicyGenerator {

    private final GeneratorOptions options;

    public PolicyGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GeneratorOptions options() {
        return options;
    }

    public List<NetworkPolicy> generate(List<? extends EventStreamsResource> resources, String namespaceOverride) {
        List<NetworkPolicy> out = new ArrayList<>();
        for (Installation installation : Installations.group(resources, namespaceOverride)) {
            out.addAll(generate(installation));
        }
        out.sort(Comparator.comparing((NetworkPolicy p) -> p.getMetadata().getNamespace() == null ? "" : p.getMetadata().getNamespace())
                .thenComparing(p -> p.getMetadata().getName()));
        return out;
    }

    public List<NetworkPolicy> generate(Installation installation) {
        return generateWithFlows(installation).policies();
    }

    /**
     * An installation's policies with the flows they are written from, resolved once: the operator reports what its
     * policies grant by default ({@link DefaultGrants#sentencesOwnedBy(String, Generation)}) from the same flows
     * (issue 26: resolving them a second time per reconcile was a tenth of a cold start's rendering).
     */
    public Generation generateWithFlows(Installation installation) {
        InstallationFacts facts = new InstallationFacts(installation, options);
        List<Flow> flows = FlowResolver.resolve(facts, options);
        return new Generation(facts.groups().stream().map(g -> PolicyRenderer.render(facts, g, flows, options)).toList(), flows, facts, options);
    }

    /** One installation's policies and the flows they were written from (the facts and options they were made with, for the grants). */
    public static final class Generation {
        private final List<NetworkPolicy> policies;
        private final List<Flow> flows;
        private final InstallationFacts facts;
        private final GeneratorOptions options;

        Generation(List<NetworkPolicy> policies, List<Flow> flows, InstallationFacts facts, GeneratorOptions options) {
            this.policies = policies;
            this.flows = flows;
            this.facts = facts;
            this.options = options;
        }

        public List<NetworkPolicy> policies() {
            return policies;
        }

        public List<Flow> flows() {
            return flows;
        }

        InstallationFacts facts() {
            return facts;
        }

        GeneratorOptions options() {
            return options;
        }
    }

    /**
     * What could not be placed while reading the resources (a bootstrap server that names no Event Streams
     * instance, a geo-replicator without its instance), one sentence each; the policies are written anyway.
     */
    public List<String> warnings(List<? extends EventStreamsResource> resources, String namespaceOverride) {
        List<String> out = new ArrayList<>();
        for (Installation installation : Installations.group(resources, namespaceOverride)) {
            out.addAll(new InstallationFacts(installation, options).warnings());
        }
        return out;
    }

    /** The flows the policies of this installation are written from (for verify, review and docs). */
    public List<Flow> flows(Installation installation) {
        return FlowResolver.resolve(new InstallationFacts(installation, options), options);
    }
}
