package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.Installations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flows the generator admits by reconciliation are exactly the catalogue's reconciliations. */
class ReconciledFlowsTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TableSet.class)
    void generatorReconcilesWhatTheCatalogueSays(TableSet set) {
        Set<String> generated = new TreeSet<>();
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        for (var installation : Installations.group(CatalogueRowsRenderedTest.everything(set, true), null)) {
            for (Flow f : generator.flows(installation)) {
                if (f.basis() == Flow.Basis.RECONCILED) {
                    generated.add(name(f.from()) + " -> " + name(f.to()) + ":" + f.port());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        Catalogue.of(set).reconciliations().forEach(r -> expected.add(name(r.component()) + " -> " + name(r.destination()) + ":" + r.port()));
        assertEquals(expected, generated);
    }

    private static String name(Endpoint e) {
        if (e instanceof Endpoint.ClusterOperator) {
            return name(Component.CLUSTER_OPERATOR);
        }
        if (e instanceof Endpoint.ComponentPods c) {
            return name(c.component());
        }
        if (e instanceof Endpoint.InstanceComponent c) {
            return name(c.component());
        }
        PodGroup g = ((Endpoint.Pods) e).group();
        return g.serves(Component.KAFKA_CONTROLLER) ? name(Component.KAFKA_CONTROLLER) : name(g.component());
    }

    private static String name(Component c) {
        return c.name();
    }

    @Test
    void reconciledFlowsAreAdmittedAtTheDestination() {
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        for (var installation : Installations.group(CatalogueRowsRenderedTest.everything(true), null)) {
            List<Flow> flows = generator.flows(installation);
            List<Flow> reconciled = flows.stream().filter(f -> f.basis() == Flow.Basis.RECONCILED).toList();
            for (Flow f : reconciled) {
                if (f.to() instanceof Endpoint.ComponentPods to) {
                    // The egress half of a row into Kafka Connect: each Kafka Connect of the instance admits it in its own policy.
                    assertEquals(true, f.egress(), f.toString());
                    var facts = new InstallationFacts(installation);
                    for (PodGroup g : facts.groupsOf(to.component())) {
                        assertEquals(true, reconciled.stream().anyMatch(in -> in.ingress() && in.to().equals(new Endpoint.Pods(g))
                                && in.port().equals(f.port()) && in.from() instanceof Endpoint.InstanceComponent), g + " does not admit " + f);
                    }
                } else {
                    assertEquals(true, f.ingress(), f.toString());
                }
            }
        }
    }
}
