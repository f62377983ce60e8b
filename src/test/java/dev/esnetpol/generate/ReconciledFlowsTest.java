package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Reconciliations;
import dev.esnetpol.model.Installations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flows the generator admits by reconciliation are exactly the catalogue's reconciliations. */
class ReconciledFlowsTest {

    @Test
    void generatorReconcilesWhatTheCatalogueSays() {
        Set<String> generated = new TreeSet<>();
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        for (var installation : Installations.group(CatalogueRowsRenderedTest.everything(true), null)) {
            for (Flow f : generator.flows(installation)) {
                if (f.basis() == Flow.Basis.RECONCILED) {
                    generated.add(name(f.from()) + " -> " + name(f.to()) + ":" + f.port());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        Reconciliations.ofCatalogue().forEach(r -> expected.add(r.component().appName() + " -> " + r.destination().appName() + ":" + r.port()));
        assertEquals(expected, generated);
    }

    private static String name(Endpoint e) {
        if (e instanceof Endpoint.ClusterOperator) {
            return Component.CLUSTER_OPERATOR.appName();
        }
        return ((Endpoint.Pods) e).group().component().appName();
    }

    @Test
    void reconciledFlowsAreAdmittedAtTheDestination() {
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        for (var installation : Installations.group(CatalogueRowsRenderedTest.everything(true), null)) {
            List<Flow> reconciled = generator.flows(installation).stream().filter(f -> f.basis() == Flow.Basis.RECONCILED).toList();
            reconciled.forEach(f -> assertEquals(true, f.ingress(), f.toString()));
        }
    }
}
