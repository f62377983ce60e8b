package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster after {@code kubectl apply -f MANIFESTS}: each object of the manifests replaces the cluster's object
 * of the same kind, namespace and name, or is added; every other object of the cluster stays as it is. This is
 * what {@code kubectl diff -f} compares the live objects with, and the connectivity question a GitOps pull
 * request asks of a running namespace.
 *
 * <p>Objects are matched as the API server identifies them: Namespaces and Nodes by name, NetworkPolicies by
 * namespace and name (metadata.namespace, metadata.name), cluster-scoped policies by kind and name. A workload of
 * the manifests (Deployment, StatefulSet, ... : the pod its template describes, whose {@link Owner} is the
 * workload) replaces the running pods it owns: those whose owner is that workload, and a Deployment's ReplicaSet
 * {@code NAME-HASH} whose pods carry {@code pod-template-hash: HASH} (apps/v1: the Deployment controller names its
 * ReplicaSets so and labels their pods), or a DeploymentConfig's ReplicationController, whose pods carry
 * {@code deploymentconfig: NAME} (OpenShift apps.openshift.io/v1). A Pod of the manifests replaces the running pod
 * of its namespace and name.
 */
public final class AppliedManifests {

    private AppliedManifests() {
    }

    /** {@code cluster} with {@code manifests} applied over it. */
    public static Cluster over(Cluster cluster, Cluster manifests) {
        Map<String, Namespace> namespaces = new LinkedHashMap<>(cluster.namespaces());
        // A namespace the manifests only name (their objects' metadata.namespace; the Cluster record adds it with the
        // name label alone) keeps the cluster's labels; one they hold with labels of its own takes those.
        manifests.namespaces().forEach((name, ns) -> {
            if (!namespaces.containsKey(name) || !ns.equals(Namespace.named(name))) {
                namespaces.put(name, ns);
            }
        });
        Set<String> workloads = new HashSet<>();
        Set<String> podNames = new HashSet<>();
        for (Pod p : manifests.pods()) {
            workloads.add(p.namespace() + "/" + p.owner().kind() + "/" + p.owner().name());
            podNames.add(p.namespace() + "/" + p.name());
        }
        List<Pod> pods = new ArrayList<>();
        for (Pod p : cluster.pods()) {
            if (!podNames.contains(p.namespace() + "/" + p.name()) && !ownedByAny(p, workloads)) {
                pods.add(p);
            }
        }
        pods.addAll(manifests.pods());
        Set<String> policyNames = new HashSet<>();
        manifests.policies().forEach(np -> policyNames.add(np.getMetadata().getNamespace() + "/" + np.getMetadata().getName()));
        List<NetworkPolicy> policies = new ArrayList<>(cluster.policies().stream()
                .filter(np -> !policyNames.contains(np.getMetadata().getNamespace() + "/" + np.getMetadata().getName())).toList());
        policies.addAll(manifests.policies());
        Cluster kept = new Cluster(namespaces, pods, policies, cluster.clusterPolicies(), cluster.nodes());
        // Cluster-scoped policies and Nodes of the same name: plus() takes the first cluster's, here the manifests'.
        return new Cluster(Map.of(), List.of(), List.of(), manifests.clusterPolicies(), manifests.nodes()).plus(kept);
    }

    /** Whether a running pod belongs to one of the workloads ({@code namespace/kind/name}) the manifests replace. */
    private static boolean ownedByAny(Pod p, Set<String> workloads) {
        String ns = p.namespace() + "/";
        Owner o = p.owner();
        if (workloads.contains(ns + o.kind() + "/" + o.name())) {
            return true;
        }
        java.util.Optional<String> deployment = Owner.deploymentOf(p);
        if (deployment.isPresent()) {
            return workloads.contains(ns + "Deployment/" + deployment.get());
        }
        String config = p.labels().get(dev.esnetpol.catalogue.Platform.OpenShift.DEPLOYMENT_CONFIG_LABEL);
        return o.kind().equals("ReplicationController") && config != null && workloads.contains(ns + "DeploymentConfig/" + config);
    }
}
