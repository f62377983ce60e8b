package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Condition;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.Listener;
import dev.esnetpol.model.Presence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented egress flow lands on a port its destination serves: for each table set and every
 * combination of the conditions (internal TLS, metrics, JMX), each flow written from an egress row targets a
 * port that one of the destination's ingress rows opens in that same configuration. The egress tables were
 * written for the default configuration; this catches a row aimed at a port nobody listens on.
 */
class ServedPortsTest {

    static Stream<Arguments> combinations() {
        return Arrays.stream(TableSet.values()).flatMap(set -> Stream.of(true, false).flatMap(tls -> Stream.of(true, false)
                .flatMap(metrics -> Stream.of(true, false).map(jmx -> Arguments.of(set, tls, metrics, jmx)))));
    }

    @ParameterizedTest(name = "{0} internalTls={1} metrics={2} jmx={3}")
    @MethodSource("combinations")
    void everyEgressFlowTargetsAServedPort(TableSet set, boolean tls, boolean metrics, boolean jmx) {
        List<EventStreamsResource> resources = CatalogueRowsRenderedTest.everything(set, tls);
        EventStreams es = (EventStreams) resources.get(0);
        if (!metrics) {
            es.getSpec().getStrimziOverrides().getKafka().setMetricsConfig(null);
        }
        if (!jmx) {
            es.getSpec().getStrimziOverrides().getKafka().setJmxOptions(null);
        }
        GeneratorOptions options = GeneratorOptions.defaults().withTables(Optional.of(set));
        Catalogue catalogue = Catalogue.of(set);
        int checked = 0;
        for (Installation installation : Installations.group(resources, null)) {
            InstallationFacts facts = new InstallationFacts(installation, Optional.of(set));
            for (Flow f : new PolicyGenerator(options).flows(installation)) {
                if ((f.basis() != Flow.Basis.SPEC_BOTH && f.basis() != Flow.Basis.RECONCILED) || !(f.to() instanceof Endpoint.Pods to)) {
                    continue;
                }
                Set<Integer> served = served(catalogue, facts, to.group());
                assertTrue(served.contains(f.port()), f + ": " + to.group() + " serves only " + served);
                checked++;
            }
        }
        assertTrue(checked >= catalogue.egress().size() - 2, "too few egress flows checked: " + checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void withInternalTlsOffTheOperatorReachesTheRestComponentsOn7080(TableSet set) {
        List<EventStreamsResource> resources = CatalogueRowsRenderedTest.everything(set, false);
        Set<String> operatorPorts = new TreeSet<>();
        for (Installation installation : Installations.group(resources, null)) {
            for (Flow f : new PolicyGenerator(GeneratorOptions.defaults()).flows(installation)) {
                if (f.from() instanceof Endpoint.ClusterOperator && f.to() instanceof Endpoint.Pods to
                        && Set.of(Component.ADMIN_API, Component.METRICS_COLLECTOR, Component.REST_PRODUCER).contains(to.group().component())) {
                    operatorPorts.add(to.group().component().appName() + ":" + f.port());
                }
            }
        }
        assertEquals(Set.of("admin-api:7080", "metrics:7080", "rest-producer:7080"), operatorPorts);
    }

    static Stream<TableSet> sets() {
        return Arrays.stream(TableSet.values());
    }

    /** The ports the destination's ingress rows open in its configuration (listener rows: the listeners' own ports). */
    private static Set<Integer> served(Catalogue catalogue, InstallationFacts facts, PodGroup group) {
        Set<Integer> ports = new TreeSet<>();
        for (IngressRow row : catalogue.ingress()) {
            if (!group.serves(row.component())) {
                continue;
            }
            if (row.condition() instanceof Condition.ListenerEnabled) {
                facts.listeners().stream().map(Listener::getPort).forEach(ports::add);
            } else if (row.condition().holds(facts.features(group))) {
                ports.add(row.port());
            }
        }
        return ports;
    }
}
