package dev.esnetpol.verify;

import dev.esnetpol.analyze.Pod;

import java.util.List;
import java.util.Map;

/**
 * The addresses of the synthetic cluster's pods. Every synthesized pod (components, replicas, stand-ins) gets an
 * address in {@value #CIDR}, the pod network of kubeadm with Flannel and of kind, derived from its namespace and
 * name so that a run is reproducible. With addresses, an {@code ipBlock} that covers the pod network admits pods
 * under the Kubernetes reference semantics and not under Cilium's, and verify reports such a flow as depending on
 * the network plugin instead of as clean.
 */
final class PodNetwork {

    static final String CIDR = "10.244.0.0/16";

    private PodNetwork() {
    }

    /** A running pod with labels and an address of the pod network. */
    static Pod pod(String namespace, String name, Map<String, String> labels) {
        return pod(namespace, name, labels, null);
    }

    /** The same, owned by a workload (null: by itself). */
    static Pod pod(String namespace, String name, Map<String, String> labels, dev.esnetpol.analyze.Owner owner) {
        return new Pod(namespace, name, labels, List.of(address(namespace, name)), List.of(), false, owner, null, "Running");
    }

    /** 10.244.x.y with x.y from the pod's namespace and name, never .0 or .255. */
    static String address(String namespace, String name) {
        int h = (namespace + "/" + name).hashCode() & 0x7fffffff;
        int x = h % 256;
        int y = 1 + (h / 256) % 254;
        return "10.244." + x + "." + y;
    }
}
