package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Condition;
import dev.esnetpol.catalogue.EgressRow;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.Rules;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
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
        return Arrays.stream(TableSet.values()).flatMap(set -> Stream.of(true, false).flatMap(tls -> Catalogue.of(set).ingress().stream()
                .filter(r -> r.component() != Component.CLUSTER_OPERATOR)
                .map(r -> Arguments.of(set.id() + " " + r.label() + (tls ? " [internal TLS]" : " [no internal TLS]"), set, r, tls))));
    }

    static Stream<Arguments> egressRows() {
        return Arrays.stream(TableSet.values()).flatMap(set -> Catalogue.of(set).egress().stream().map(r -> Arguments.of(set.id() + " "
                + r.component().appName() + " -> " + r.destination() + ":" + r.port() + " (" + r.reason() + ")", set, r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ingressRows")
    void ingressRowIsAdmittedAtItsDestination(String name, TableSet set, IngressRow row, boolean internalTls) {
        tables = set;
        Map<String, NetworkPolicy> policies = Fixtures.render(everything(set, internalTls));
        NetworkPolicy destination = policyOf(policies, row.component());
        boolean applies = !(row.condition() instanceof Condition.InternalTls t) || t.enabled() == internalTls;
        if (!applies) {
            // The other internal port: only the cluster operator's documented 7443 may remain (a reconciliation).
            if (row.port() == Catalogue.INTERNAL_PLAIN_PORT) {
                assertFalse(Rules.opens(destination, row.port()), "7080 open although internal TLS is on");
            } else {
                assertFalse(Rules.admits(destination, row.port(), Rules.admitsPod(Map.of("app.kubernetes.io/instance", INSTANCE))),
                        "7443 open to the instance although internal TLS is off");
            }
            return;
        }
        Origin origin = row.origin();
        if (origin instanceof Origin.Anywhere || origin instanceof Origin.ListenerPeers) {
            assertTrue(Rules.admitsFromAnywhere(destination, row.port()), row.label() + " not open to anywhere");
        } else if (origin instanceof Origin.AnyInstancePod) {
            assertTrue(Rules.admits(destination, row.port(), Rules.admitsPod(Map.of("app.kubernetes.io/instance", INSTANCE))),
                    row.label() + " not open to the instance's pods");
            for (Component source : List.of(Component.values())) {
                if (origin.admitsInstancePod(source) && hasPolicy(policies, source)) {
                    assertTrue(Rules.letsOut(policyOf(policies, source), row.port(), "TCP", Rules.admitsPod(labelsOf(row.component()))),
                            source.appName() + " may not open " + row.label() + " in a default-deny namespace");
                }
            }
        } else if (origin instanceof Origin.Pods pods) {
            for (Component source : pods.components()) {
                if (source == Component.CLUSTER_OPERATOR) {
                    assertTrue(Rules.admits(destination, row.port(), Rules.operator(Map.of())), row.label() + " not open to the operator");
                } else {
                    assertTrue(Rules.admits(destination, row.port(), Rules.admitsPod(labelsOf(source))),
                            row.label() + " not open to " + source.appName());
                    assertTrue(Rules.letsOut(policyOf(policies, source), row.port(), "TCP", Rules.admitsPod(labelsOf(row.component()))),
                            source.appName() + " may not open " + row.label());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("egressRows")
    void egressRowIsLetOutAndAdmitted(String name, TableSet set, EgressRow row) {
        tables = set;
        Map<String, NetworkPolicy> policies = Fixtures.render(everything(set, true));
        NetworkPolicy destination = policyOf(policies, row.destination());
        if (row.component() == Component.CLUSTER_OPERATOR) {
            assertTrue(Rules.admits(destination, row.port(), Rules.operator(Map.of())), name + " not admitted");
        } else {
            assertTrue(Rules.letsOut(policyOf(policies, row.component()), row.port(), "TCP", Rules.admitsPod(labelsOf(row.destination()))),
                    name + " not let out");
            assertTrue(Rules.admits(destination, row.port(), Rules.admitsPod(labelsOf(row.component()))), name + " not admitted");
        }
    }

    /** The set the running case renders: decides the Kafka pools' names below. */
    private TableSet tables = TableSet.ZOOKEEPER;

    static List<EventStreamsResource> everything(boolean internalTls) {
        return everything(TableSet.ZOOKEEPER, internalTls);
    }

    /** Every component with every condition on, for one table set (everything-kraft.yaml has node pools). */
    static List<EventStreamsResource> everything(TableSet set, boolean internalTls) {
        List<EventStreamsResource> resources = Fixtures.fromResource(set == TableSet.KRAFT ? "everything-kraft.yaml" : "everything.yaml");
        if (!internalTls) {
            ((dev.esnetpol.model.EventStreams) resources.get(0)).getSpec().getSecurity().setInternalTls("NONE");
        }
        return resources;
    }

    /** The owner of each component's pods in the fixture: the Kafka Connect resource is named "conn". */
    private static String ownerOf(Component c) {
        return c == Component.KAFKA_CONNECT ? "conn" : INSTANCE;
    }

    /** The node pool that runs a Kafka component in everything-kraft.yaml, or null. */
    private String poolOf(Component c) {
        if (tables != TableSet.KRAFT) {
            return null;
        }
        return c == Component.KAFKA ? "kafka" : c == Component.KAFKA_CONTROLLER ? "controller" : null;
    }

    private Map<String, String> labelsOf(Component c) {
        Map<String, String> labels = new java.util.TreeMap<>(Map.of("app.kubernetes.io/name", c.appName(), "app.kubernetes.io/instance", ownerOf(c)));
        if (poolOf(c) != null) {
            labels.put(dev.esnetpol.catalogue.Labels.POOL_NAME, poolOf(c));
        }
        return labels;
    }

    private String policyName(Component c) {
        return ownerOf(c) + "-" + (poolOf(c) != null ? poolOf(c) : c.appName()) + "-netpol";
    }

    private boolean hasPolicy(Map<String, NetworkPolicy> policies, Component c) {
        return policies.containsKey(policyName(c));
    }

    private NetworkPolicy policyOf(Map<String, NetworkPolicy> policies, Component c) {
        NetworkPolicy p = policies.get(policyName(c));
        assertNotNull(p, "no policy for " + c.appName() + " among " + policies.keySet());
        assertEquals(labelsOf(c), Rules.matchLabels(p.getSpec().getPodSelector()), "pod selector of " + p.getMetadata().getName());
        return p;
    }
}
