package dev.esnetpol.generate;

import dev.esnetpol.catalogue.TableSet;

import java.util.Objects;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/**
 * How policies are generated, beyond what the resources say.
 *
 * @param egress                 write egress rules (some CNIs or platform teams forbid them)
 * @param operatorNamespaceLabels when not empty, the cluster operator is admitted only from namespaces
 *                               with these labels; empty means any namespace (the spec's default)
 * @param dnsPorts               ports of the cluster DNS as pods see them after service translation
 *                               (53; OpenShift's DNS pods listen on 5353)
 * @param apiServerPorts         ports of the Kubernetes API server as pods see them (443 through the
 *                               service, 6443 on the endpoints of most distributions)
 * @param apiServerCidrs         addresses of the API server; empty means anywhere on those ports
 * @param tables                 the documented table set to write every instance's policies from; empty means
 *                               decide per instance from what it declares ({@link TableChoice})
 */
public record GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                               List<Integer> apiServerPorts, List<String> apiServerCidrs, Optional<TableSet> tables) {

    public GeneratorOptions {
        operatorNamespaceLabels = Map.copyOf(operatorNamespaceLabels);
        dnsPorts = List.copyOf(dnsPorts);
        apiServerPorts = List.copyOf(apiServerPorts);
        apiServerCidrs = List.copyOf(apiServerCidrs);
        Objects.requireNonNull(tables);
    }

    /** Options that let each instance's resource decide its table set. */
    public GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                            List<Integer> apiServerPorts, List<String> apiServerCidrs) {
        this(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, Optional.empty());
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(true, Map.of(), List.of(53), List.of(443, 6443), List.of());
    }

    public GeneratorOptions withEgress(boolean on) {
        return new GeneratorOptions(on, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables);
    }

    public GeneratorOptions withOperatorNamespaceLabels(Map<String, String> labels) {
        return new GeneratorOptions(egress, labels, dnsPorts, apiServerPorts, apiServerCidrs, tables);
    }

    /** These options with the table set forced (empty: decided from each resource). */
    public GeneratorOptions withTables(Optional<TableSet> set) {
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, set);
    }
}
