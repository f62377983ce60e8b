package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy read from its document tree into fabric8's model with
 * {@link TreeFields} (why not Jackson's binding: there). Every field of the API type is read (Kubernetes API
 * reference, NetworkPolicySpec, NetworkPolicyIngressRule/EgressRule, NetworkPolicyPeer, IPBlock,
 * NetworkPolicyPort); {@code status} is not (the API has none to read).
 */
final class NetworkPolicyTree {

    private static final Set<String> PEER_FIELDS = Set.of("podSelector", "namespaceSelector", "ipBlock");
    private static final Set<String> IP_BLOCK_FIELDS = Set.of("cidr", "except");
    private static final Set<String> PORT_FIELDS = Set.of("protocol", "port", "endPort");
    private static final Set<String> SPEC_FIELDS = Set.of("podSelector", "policyTypes", "ingress", "egress");

    private final TreeFields fields;

    NetworkPolicyTree(TreeFields fields) {
        this.fields = fields;
    }

    /** The policy of a whole document. */
    NetworkPolicy read(JsonNode document) {
        NetworkPolicy np = new NetworkPolicy();
        fields.field(document, "apiVersion", "", fields::string, np::setApiVersion);
        fields.field(document, "kind", "", fields::string, np::setKind);
        fields.field(document, "metadata", "", fields::meta, np::setMetadata);
        fields.field(document, "spec", "", this::spec, np::setSpec);
        TreeFields.unknown(document, Set.of("apiVersion", "kind", "metadata", "spec"), np.getAdditionalProperties());
        return np;
    }

    private NetworkPolicySpec spec(JsonNode node, String path) {
        if (!fields.mapping(node, path)) {
            return null;
        }
        NetworkPolicySpec spec = new NetworkPolicySpec();
        fields.field(node, "podSelector", path, fields::selector, spec::setPodSelector);
        fields.field(node, "policyTypes", path, fields::strings, spec::setPolicyTypes);
        fields.field(node, "ingress", path, (v, p) -> fields.list(v, p, this::ingressRule), spec::setIngress);
        fields.field(node, "egress", path, (v, p) -> fields.list(v, p, this::egressRule), spec::setEgress);
        TreeFields.unknown(node, SPEC_FIELDS, spec.getAdditionalProperties());
        return spec;
    }

    private NetworkPolicyIngressRule ingressRule(JsonNode node, String path) {
        NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule();
        return rule(node, path, "from", rule, rule::setFrom, rule::setPorts, rule.getAdditionalProperties());
    }

    private NetworkPolicyEgressRule egressRule(JsonNode node, String path) {
        NetworkPolicyEgressRule rule = new NetworkPolicyEgressRule();
        return rule(node, path, "to", rule, rule::setTo, rule::setPorts, rule.getAdditionalProperties());
    }

    /**
     * An ingress or egress rule: its peers ({@code from} or {@code to}) and ports. A rule that is not a mapping
     * (YAML null) stays empty, as the API server decodes a null item: every peer, every port.
     */
    private <R> R rule(JsonNode node, String path, String peersField, R rule, Consumer<List<NetworkPolicyPeer>> peers,
                       Consumer<List<NetworkPolicyPort>> ports, Map<String, Object> additional) {
        if (fields.mapping(node, path)) {
            fields.field(node, peersField, path, (v, p) -> fields.list(v, p, this::peer), peers);
            fields.field(node, "ports", path, (v, p) -> fields.list(v, p, this::port), ports);
            TreeFields.unknown(node, Set.of(peersField, "ports"), additional);
        }
        return rule;
    }

    private NetworkPolicyPeer peer(JsonNode node, String path) {
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        if (!fields.mapping(node, path)) {
            return peer;
        }
        fields.field(node, "podSelector", path, fields::selector, peer::setPodSelector);
        fields.field(node, "namespaceSelector", path, fields::selector, peer::setNamespaceSelector);
        fields.field(node, "ipBlock", path, this::ipBlock, peer::setIpBlock);
        TreeFields.unknown(node, PEER_FIELDS, peer.getAdditionalProperties());
        return peer;
    }

    private IPBlock ipBlock(JsonNode node, String path) {
        if (!fields.mapping(node, path)) {
            return null;
        }
        IPBlock block = new IPBlock();
        fields.field(node, "cidr", path, fields::string, block::setCidr);
        fields.field(node, "except", path, fields::strings, block::setExcept);
        TreeFields.unknown(node, IP_BLOCK_FIELDS, block.getAdditionalProperties());
        return block;
    }

    private NetworkPolicyPort port(JsonNode node, String path) {
        NetworkPolicyPort port = new NetworkPolicyPort();
        if (!fields.mapping(node, path)) {
            return port;
        }
        fields.field(node, "protocol", path, fields::string, port::setProtocol);
        fields.field(node, "port", path, this::intOrString, port::setPort);
        fields.field(node, "endPort", path, fields::integer, port::setEndPort);
        TreeFields.unknown(node, PORT_FIELDS, port.getAdditionalProperties());
        return port;
    }

    /** A number is a port number, a string a port name, as fabric8's {@code IntOrString} deserializer reads them. */
    private IntOrString intOrString(JsonNode node, String path) {
        if (TreeFields.absent(node)) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return new IntOrString(node.intValue());
        }
        if (node.isTextual()) {
            return new IntOrString(node.asText());
        }
        fields.problem(path, "expected a port number or name, found " + TreeFields.describe(node));
        return null;
    }
}
