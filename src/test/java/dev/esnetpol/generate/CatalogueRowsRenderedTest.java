package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Condition;
import dev.esnetpol.catalogue.EgressRow;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.Rules;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the catalogue, rendered for an installation that runs every component with every condition
 * on (and again with internal TLS off): the destination's policy admits the row's port from the row's
 * origin, and for a connection between the instance's own pods the source's policy lets it out.
 * The cluster operator's own rows (8080, 8081) are not rendered per instance: {@code deploy/} carries
 * the operator's policy, tested there.
 */
class CatalogueRowsRenderedTest {

    private static final String INSTANCE = "full";

    static Stream<Arguments> ingressRows() {
        return Stream.of(true, false).flatMap(tls -> Catalogue.ingress().stream()
                .filter(r -> r.component() != Component.CLUSTER_OPERATOR)
                .map(r -> Arguments.of(r.label() + (tls ? " [internal TLS]" : " [no internal TLS]"), r, tls)));
    }

    static Stream<Arguments> egressRows() {
        return Catalogue.egress().stream().map(r -> Arguments.of(r.component().appName() + " -> " + r.destination().appName()
                + ":" + r.port() + " (" + r.reason() + ")", r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ingressRows")
    void ingressRowIsAdmittedAtItsDestination(String name, IngressRow row, boolean internalTls) {
        Map<String, NetworkPolicy> policies = Fixtures.render(everything(internalTls));
        NetworkPolicy destination = policyOf(policies, row.component());
        boolean applies = !(row.condition() instanceof Condition.InternalTls t) || t.enabled() == internalTls;
        if (!applies) {
            // The other internal port: only the cluster operator's documented 7443 may remain (a reconciliation).
            if (row.port() == Catalogue.INTERNAL_PLAIN_PORT) {
                assertFalse(Rules.opens(destination, row.port()), "7080 open although internal TLS is on");
            } else {
                assertFalse(Rules.admits(destination, row.port(), Rules.pods(Map.of("app.kubernetes.io/instance", INSTANCE))),
                        "7443 open to the instance although internal TLS is off");
            }
            return;
        }
        Origin origin = row.origin();
        if (origin instanceof Origin.Anywhere || origin instanceof Origin.ListenerPeers) {
            assertTrue(Rules.admitsFromAnywhere(destination, row.port()), row.label() + " not open to anywhere");
        } else if (origin instanceof Origin.AnyInstancePod) {
            assertTrue(Rules.admits(destination, row.port(), Rules.pods(Map.of("app.kubernetes.io/instance", INSTANCE))),
                    row.label() + " not open to the instance's pods");
            for (Component source : List.of(Component.values())) {
                if (origin.admitsInstancePod(source) && hasPolicy(policies, source)) {
                    assertTrue(Rules.letsOut(policyOf(policies, source), row.port(), "TCP", Rules.pods(labelsOf(row.component()))),
                            source.appName() + " may not open " + row.label() + " in a default-deny namespace");
                }
            }
        } else if (origin instanceof Origin.Pods pods) {
            for (Component source : pods.components()) {
                if (source == Component.CLUSTER_OPERATOR) {
                    assertTrue(Rules.admits(destination, row.port(), Rules.operator(Map.of())), row.label() + " not open to the operator");
                } else {
                    assertTrue(Rules.admits(destination, row.port(), Rules.pods(labelsOf(source))),
                            row.label() + " not open to " + source.appName());
                    assertTrue(Rules.letsOut(policyOf(policies, source), row.port(), "TCP", Rules.pods(labelsOf(row.component()))),
                            source.appName() + " may not open " + row.label());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressRows")
    void egressRowIsLetOutAndAdmitted(String name, EgressRow row) {
        Map<String, NetworkPolicy> policies = Fixtures.render(everything(true));
        NetworkPolicy destination = policyOf(policies, row.destination());
        if (row.component() == Component.CLUSTER_OPERATOR) {
            assertTrue(Rules.admits(destination, row.port(), Rules.operator(Map.of())), name + " not admitted");
        } else {
            assertTrue(Rules.letsOut(policyOf(policies, row.component()), row.port(), "TCP", Rules.pods(labelsOf(row.destination()))),
                    name + " not let out");
            assertTrue(Rules.admits(destination, row.port(), Rules.pods(labelsOf(row.component()))), name + " not admitted");
        }
    }

    static List<EventStreamsResource> everything(boolean internalTls) {
        List<EventStreamsResource> resources = Fixtures.fromResource("everything.yaml");
        if (!internalTls) {
            ((dev.esnetpol.model.EventStreams) resources.get(0)).getSpec().getSecurity().setInternalTls("NONE");
        }
        return resources;
    }

    /** The owner of each component's pods in the fixture: the Kafka Connect resource is named "conn". */
    private static String ownerOf(Component c) {
        return c == Component.KAFKA_CONNECT ? "conn" : INSTANCE;
    }

    private static Map<String, String> labelsOf(Component c) {
        return Map.of("app.kubernetes.io/name", c.appName(), "app.kubernetes.io/instance", ownerOf(c));
    }

    private static boolean hasPolicy(Map<String, NetworkPolicy> policies, Component c) {
        return policies.containsKey(ownerOf(c) + "-" + c.appName() + "-netpol");
    }

    private static NetworkPolicy policyOf(Map<String, NetworkPolicy> policies, Component c) {
        NetworkPolicy p = policies.get(ownerOf(c) + "-" + c.appName() + "-netpol");
        assertNotNull(p, "no policy for " + c.appName() + " among " + policies.keySet());
        assertEquals(labelsOf(c), Rules.matchLabels(p.getSpec().getPodSelector()), "pod selector of " + p.getMetadata().getName());
        return p;
    }
}
