package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each kind of {@link Endpoint} becomes NetworkPolicy peers. An empty list means "anywhere": the rule
 * gets no {@code from}/{@code to} at all.
 */
public final class Peers {

    private Peers() {
    }

    /** The peers a rule names for an endpoint; empty means anywhere (no {@code from}/{@code to}). */
    public static List<NetworkPolicyPeer> of(Endpoint endpoint, GeneratorOptions options) {
        if (endpoint instanceof Endpoint.Pods p) {
            return List.of(pods(p.group().selector()));
        }
        if (endpoint instanceof Endpoint.InstanceComponent c) {
            NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder()
                    .withPodSelector(selector(Map.of(Labels.NAME, c.component().appName(), Labels.INSTANCE, c.instance())));
            if (c.namespace() != null) {
                peer.withNamespaceSelector(selector(Map.of(Labels.NAMESPACE_NAME, c.namespace())));
            }
            return List.of(peer.build());
        }
        if (endpoint instanceof Endpoint.ComponentPods c) {
            return List.of(new NetworkPolicyPeerBuilder()
                    .withPodSelector(selector(Map.of(Labels.NAME, c.component().appName())))
                    .withNamespaceSelector(selector(Map.of()))
                    .build());
        }
        if (endpoint instanceof Endpoint.InstancePods i) {
            return List.of(pods(Map.of(Labels.INSTANCE, i.instance())));
        }
        if (endpoint instanceof Endpoint.ClusterOperator) {
            // "Where a network policy exposes a port to the Event Streams Cluster operator, it is configured
            // to allow connections from any namespace" (spec): an empty namespace selector, unless the
            // user narrowed it to the namespaces that carry given labels.
            return List.of(new NetworkPolicyPeerBuilder()
                    .withPodSelector(selector(Map.of(Labels.NAME, Component.CLUSTER_OPERATOR.appName())))
                    .withNamespaceSelector(selector(options.operatorNamespaceLabels()))
                    .build());
        }
        if (endpoint instanceof Endpoint.GivenPeers l) {
            return l.peers();
        }
        if (endpoint instanceof Endpoint.External e) {
            return List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(e.cidr()).endIpBlock().build());
        }
        if (endpoint instanceof Endpoint.ApiServer) {
            return options.apiServerCidrs().stream()
                    .map(c -> new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(c).endIpBlock().build())
                    .toList();
        }
        return List.of(); // Anywhere, Dns
    }

    static NetworkPolicyPeer pods(Map<String, String> labels) {
        return new NetworkPolicyPeerBuilder().withPodSelector(selector(labels)).build();
    }

    /** A selector with its labels in key order, so rendering is stable. Empty labels select everything. */
    static LabelSelector selector(Map<String, String> labels) {
        LabelSelectorBuilder b = new LabelSelectorBuilder();
        if (!labels.isEmpty()) {
            b.withMatchLabels(new TreeMap<>(labels));
        }
        return b.build();
    }
}
