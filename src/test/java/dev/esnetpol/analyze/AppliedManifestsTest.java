package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link AppliedManifests}: what {@code kubectl apply -f} leaves, object by object, as the analysis reads it. */
class AppliedManifestsTest {

    private static Pod pod(String name, Map<String, String> labels, Owner owner) {
        return new Pod("shop", name, labels, List.of("10.0.0." + Math.abs(name.hashCode() % 200)), List.of(), false, owner, null, "Running");
    }

    private static NetworkPolicy policy(String name, String app) {
        return new NetworkPolicyBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", app).endPodSelector().endSpec().build();
    }

    @Test
    void aWorkloadReplacesTheRunningPodsItOwnsAndEverythingElseStays() {
        Pod web = pod("web-5d8f7c9b6-x2k4p", Map.of("app", "web", "pod-template-hash", "5d8f7c9b6"), new Owner("ReplicaSet", "web-5d8f7c9b6"));
        // A ReplicaSet whose name only starts like the Deployment's: another Deployment's (web-api), kept.
        Pod webApi = pod("web-api-7c4-abcde", Map.of("app", "web-api", "pod-template-hash", "7c4"), new Owner("ReplicaSet", "web-api-7c4"));
        Pod db = pod("db-0", Map.of("app", "db"), new Owner("StatefulSet", "db"));
        Pod dc = pod("legacy-3-zzz", Map.of("app", "legacy", "deploymentconfig", "legacy"), new Owner("ReplicationController", "legacy-3"));
        Pod lone = pod("debug", Map.of("app", "debug"), null);
        Cluster live = Cluster.of(List.of(new Namespace("shop", Map.of("team", "a"))), List.of(web, webApi, db, dc, lone),
                List.of(policy("web", "web"), policy("db", "db")));

        Pod webTemplate = new Pod("shop", "web", Map.of("app", "web", "version", "2"), List.of(), List.of(), false, new Owner("Deployment", "web"));
        Pod legacyTemplate = new Pod("shop", "legacy", Map.of("app", "legacy"), List.of(), List.of(), false, new Owner("DeploymentConfig", "legacy"));
        Pod debug2 = new Pod("shop", "debug", Map.of("app", "debug", "v", "2"), List.of(), List.of(), false, null);
        NetworkPolicy webNew = policy("web", "web-new");
        Cluster manifests = Cluster.of(List.of(), List.of(webTemplate, legacyTemplate, debug2), List.of(webNew, policy("extra", "x")));

        Cluster applied = AppliedManifests.over(live, manifests);
        assertEquals(List.of("web-api-7c4-abcde", "db-0", "web", "legacy", "debug"), applied.pods().stream().map(Pod::name).toList());
        assertEquals(Map.of("app", "debug", "v", "2"), applied.pods().get(4).labels());
        assertEquals(List.of("db", "web", "extra"), applied.policies().stream().map(np -> np.getMetadata().getName()).toList());
        assertEquals(webNew, applied.policies().get(1));
        // The manifests only name the namespace: its labels stay the cluster's.
        assertEquals("a", applied.namespace("shop").labels().get("team"));
        Cluster relabelled = AppliedManifests.over(live, Cluster.of(List.of(new Namespace("shop", Map.of("team", "b"))), List.of(), List.of()));
        assertEquals("b", relabelled.namespace("shop").labels().get("team"));
        assertEquals(live.pods(), relabelled.pods());
    }
}
