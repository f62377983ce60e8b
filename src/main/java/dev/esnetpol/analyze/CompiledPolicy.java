package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A policy with its types resolved and its rules compiled. When {@code policyTypes} is absent, the policy
 * is an ingress policy, and an egress policy too if it has egress rules (the API's documented default).
 */
final class CompiledPolicy {

    final NetworkPolicy policy;
    final String namespace;
    final boolean ingressType;
    final boolean egressType;
    final BitSet selected;
    final List<CompiledRule> ingress = new ArrayList<>();
    final List<CompiledRule> egress = new ArrayList<>();

    CompiledPolicy(NetworkPolicy policy, String namespace, BitSet selected) {
        this.policy = policy;
        this.namespace = namespace;
        this.selected = selected;
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types == null || types.isEmpty()) {
            this.ingressType = true;
            this.egressType = policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty();
        } else {
            this.ingressType = types.contains("Ingress");
            this.egressType = types.contains("Egress");
        }
    }

    String name() {
        return namespace + "/" + policy.getMetadata().getName();
    }
}
