package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's router as a peer of matrix and explain (as netpol-analyzer shows its {@code {ingress-controller}}):
 * the router's pods when the inputs hold them, else a stand-in, {@code openshift-ingress/router-default}, in a
 * namespace labelled as the router peers ({@link Platform#routerPeers()}) select it. Kubernetes names no router:
 * its ingress controller runs wherever its installer put it, so where the inputs hold Ingresses (or Routes) it stands
 * in as netpol-analyzer's does: a pod in a namespace of its own that no selector of the inputs singles out
 * ({@link #INGRESS_CONTROLLER_NAMESPACE}), admitted only by rules that admit every namespace.
 */
final class RouterStandIn {

    /** What {@code --from}/{@code --to} accept for it. */
    static final String NAME = "router";

    /** The namespace (and pod name) of the Kubernetes ingress controller's stand-in. */
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-controller";

    private RouterStandIn() {
    }

    /** The cluster, with the stand-in router when the platform has one and the inputs hold no pod of its namespace. */
    static Cluster add(Cluster cluster, Platform platform) {
        if (platform.routerPeers().isEmpty() || cluster.pods().stream().anyMatch(p -> p.namespace().equals(Platform.OpenShift.ROUTER_NAMESPACE))) {
            return cluster;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        platform.routerPeers().forEach(peer -> labels.putAll(peer.getNamespaceSelector().getMatchLabels()));
        Map<String, Namespace> namespaces = new LinkedHashMap<>(cluster.namespaces());
        Namespace given = namespaces.get(Platform.OpenShift.ROUTER_NAMESPACE);
        if (given == null || given.labels().size() <= 1) {
            namespaces.put(Platform.OpenShift.ROUTER_NAMESPACE, new Namespace(Platform.OpenShift.ROUTER_NAMESPACE, labels));
        }
        List<Pod> pods = new ArrayList<>(cluster.pods());
        // The ingress operator runs the default router as Deployment router-default.
        pods.add(new Pod(Platform.OpenShift.ROUTER_NAMESPACE, "router-default", Map.of(Platform.OpenShift.ROUTER_POD_LABEL, "default"),
                List.of(), List.of(), false, new dev.esnetpol.analyze.Owner("Deployment", "router-default")));
        return new Cluster(namespaces, pods, cluster.policies(), cluster.clusterPolicies(), cluster.nodes());
    }

    /**
     * The cluster with a stand-in ingress controller where the platform names no router and the inputs expose pods
     * through Routes or Ingresses; else {@link #add(Cluster, Platform)}'s.
     */
    static Cluster add(Cluster cluster, Platform platform, boolean exposures) {
        if (!platform.routerPeers().isEmpty() || !exposures) {
            return add(cluster, platform);
        }
        List<Pod> pods = new ArrayList<>(cluster.pods());
        pods.add(new Pod(INGRESS_CONTROLLER_NAMESPACE, INGRESS_CONTROLLER_NAMESPACE, Map.of(), List.of(), List.of(), false,
                new dev.esnetpol.analyze.Owner("Deployment", INGRESS_CONTROLLER_NAMESPACE)));
        return new Cluster(cluster.namespaces(), pods, cluster.policies(), cluster.clusterPolicies(), cluster.nodes());
    }

    /**
     * The router's pod ({@code --from router}, the matrix's {@code {ingress-controller}}): one of the router's namespace,
     * the default router's first; else the Kubernetes ingress controller's stand-in.
     */
    static Optional<Pod> find(Cluster cluster) {
        return cluster.pods().stream().filter(p -> p.namespace().equals(Platform.OpenShift.ROUTER_NAMESPACE)
                        || p.namespace().equals(INGRESS_CONTROLLER_NAMESPACE) && p.owner().name().equals(INGRESS_CONTROLLER_NAMESPACE))
                .min(java.util.Comparator.comparing((Pod p) -> !"default".equals(p.labels().get(Platform.OpenShift.ROUTER_POD_LABEL)))
                        .thenComparing(Pod::name));
    }
}
