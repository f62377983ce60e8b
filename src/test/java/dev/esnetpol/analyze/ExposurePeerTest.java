package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a rule's peer is named and when one peer certainly includes another's pods. */
class ExposurePeerTest {

    private static final Cluster CLUSTER = Cluster.of(List.of(new Namespace("mon", Map.of("team", "ops"))), List.of(), List.of());

    private static NetworkPolicyPeer peer(Map<String, String> ns, Map<String, String> pods) {
        NetworkPolicyPeerBuilder b = new NetworkPolicyPeerBuilder();
        if (ns != null) {
            b.withNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(ns).build());
        }
        if (pods != null) {
            b.withPodSelector(new LabelSelectorBuilder().withMatchLabels(pods).build());
        }
        return b.build();
    }

    @Test
    void namesFollowTheApisReadingOfAPeer() {
        assertEquals("app/[pod with {role=db}]", ExposurePeer.of(peer(null, Map.of("role", "db")), "app").text());
        assertEquals("entire-cluster", ExposurePeer.of(peer(Map.of(), null), "app").text());
        assertEquals("entire-cluster", ExposurePeer.of(peer(Map.of(), Map.of()), "app").text());
        assertEquals("[all namespaces]/[pod with {role=db}]", ExposurePeer.of(peer(Map.of(), Map.of("role", "db")), "app").text());
        assertEquals("mon/[all pods]", ExposurePeer.of(peer(Map.of(Namespace.NAME_LABEL, "mon"), null), "app").text());
        assertEquals("[namespace with {team=ops}]/[all pods]", ExposurePeer.of(peer(Map.of("team", "ops"), null), "app").text());
        NetworkPolicyPeer expressions = new NetworkPolicyPeerBuilder().withNewPodSelector()
                .addNewMatchExpression().withKey("app").withOperator("NotIn").withValues("y", "x").endMatchExpression()
                .addNewMatchExpression().withKey("tier").withOperator("DoesNotExist").endMatchExpression()
                .addNewMatchExpression().withKey("zone").withOperator("Exists").endMatchExpression()
                .endPodSelector().build();
        assertEquals("app/[pod with {app notin (x,y),!tier,zone}]", ExposurePeer.of(expressions, "app").text());
    }

    @Test
    void coversWhenEveryRequirementIsAlsoTheOthers() {
        ExposurePeer all = ExposurePeer.ENTIRE_CLUSTER;
        ExposurePeer opsNamespaces = ExposurePeer.of(peer(Map.of("team", "ops"), null), "app");
        ExposurePeer monDb = ExposurePeer.of(peer(Map.of(Namespace.NAME_LABEL, "mon"), Map.of("role", "db")), "app");
        ExposurePeer appDb = ExposurePeer.of(peer(null, Map.of("role", "db")), "app");
        assertTrue(all.covers(opsNamespaces, CLUSTER));
        assertTrue(opsNamespaces.covers(monDb, CLUSTER), "mon carries team=ops in the cluster");
        assertFalse(opsNamespaces.covers(appDb, CLUSTER), "app does not");
        assertFalse(monDb.covers(opsNamespaces, CLUSTER));
        assertFalse(appDb.covers(monDb, CLUSTER));
        assertTrue(appDb.covers(appDb, CLUSTER));
    }
}
