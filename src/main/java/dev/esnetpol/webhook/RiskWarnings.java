package dev.esnetpol.webhook;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.generate.Endpoint;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.Listener;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Legal but risky choices in a resource, as admission warnings (kubectl prints them): a listener without
 * authentication open to anywhere, metrics or JMX open to anywhere (the spec's rows for 9404 and 9999 say
 * "Anywhere"), and egress policies switched off by the operator's configuration.
 */
public final class RiskWarnings {

    private RiskWarnings() {
    }

    public static List<String> of(EventStreamsResource resource, GeneratorOptions options) {
        Set<String> warnings = new LinkedHashSet<>();
        if (resource instanceof EventStreams es && es.getSpec() != null && es.getSpec().getStrimziOverrides() != null
                && es.getSpec().getStrimziOverrides().getKafka() != null && es.getSpec().getStrimziOverrides().getKafka().getListeners() != null) {
            for (Listener l : es.getSpec().getStrimziOverrides().getKafka().getListeners().all()) {
                if (l.openToAnywhere() && !l.hasAuthentication()) {
                    warnings.add(l.path() + ": listener '" + l.getName() + "' on port " + l.getPort()
                            + " has no authentication and no networkPolicyPeers: anyone who reaches the cluster can use it");
                }
            }
        }
        PolicyGenerator generator = new PolicyGenerator(options);
        for (Installation installation : Installations.group(List.of(resource), null)) {
            for (Flow f : generator.flows(installation)) {
                if (f.from() instanceof Endpoint.Anywhere && f.to() instanceof Endpoint.Pods to && f.port() != null
                        && (f.port() == Catalogue.METRICS_PORT || f.port() == Catalogue.JMX_PORT)) {
                    warnings.add((f.port() == Catalogue.JMX_PORT ? "JMX" : "metrics") + " port " + f.port() + " of "
                            + to.group().component().appName() + " is open to anywhere, as the spec documents it; "
                            + "name the scrapers with --metrics-from (Helm eventStreamsMetricsFrom), which narrows it to them");
                }
            }
        }
        if (!options.egress()) {
            warnings.add("egress policies are switched off (--egress=false): pods of this installation may connect anywhere");
        }
        return new ArrayList<>(warnings);
    }
}
