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
 * @param metricsFrom            who scrapes metrics: when not empty, every metrics and readiness row that says
 *                               "Anywhere" (9404, 9999, 7888, 8443) admits these peers only, and Kafka Exporter's
 *                               9404 opens to them; empty keeps the documentation's "Anywhere"
 * @param platform               the platform forced ({@code --platform}) and what the run shows of OpenShift; each
 *                               resource's platform is decided from it and the resource ({@link PlatformChoice}).
 *                               An empty {@code dnsPorts} means the DNS ports of that platform
 * @param keepDeclaredTables     {@code --tables-override}: a forced {@code tables} that contradicts what an instance
 *                               declares is written together with the declared set instead of being refused
 */
public record GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                               List<Integer> apiServerPorts, List<String> apiServerCidrs, Optional<TableSet> tables,
                               List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> metricsFrom,
                               PlatformChoice.Setting platform, boolean keepDeclaredTables) {

    public GeneratorOptions {
        Objects.requireNonNull(platform);
        operatorNamespaceLabels = Map.copyOf(operatorNamespaceLabels);
        dnsPorts = List.copyOf(dnsPorts);
        apiServerPorts = List.copyOf(apiServerPorts);
        apiServerCidrs = List.copyOf(apiServerCidrs);
        Objects.requireNonNull(tables);
        metricsFrom = List.copyOf(metricsFrom);
    }

    /** Options whose forced table set is refused where it contradicts an instance. */
    public GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                            List<Integer> apiServerPorts, List<String> apiServerCidrs, Optional<TableSet> tables,
                            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> metricsFrom,
                            PlatformChoice.Setting platform) {
        this(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, platform, false);
    }

    /** Options whose platform is decided from each resource. */
    public GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                            List<Integer> apiServerPorts, List<String> apiServerCidrs, Optional<TableSet> tables,
                            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> metricsFrom) {
        this(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, PlatformChoice.Setting.DETECT);
    }

    /** Options with the documentation's "Anywhere" for metrics. */
    public GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                            List<Integer> apiServerPorts, List<String> apiServerCidrs, Optional<TableSet> tables) {
        this(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, List.of());
    }

    /** Options that let each instance's resource decide its table set. */
    public GeneratorOptions(boolean egress, Map<String, String> operatorNamespaceLabels, List<Integer> dnsPorts,
                            List<Integer> apiServerPorts, List<String> apiServerCidrs) {
        this(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, Optional.empty());
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(true, Map.of(), List.of(),
                dev.esnetpol.catalogue.Catalogue.API_SERVER_PORTS, List.of());
    }

    public GeneratorOptions withEgress(boolean on) {
        return new GeneratorOptions(on, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, platform, keepDeclaredTables);
    }

    public GeneratorOptions withOperatorNamespaceLabels(Map<String, String> labels) {
        return new GeneratorOptions(egress, labels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, platform, keepDeclaredTables);
    }

    /** These options with the table set forced (empty: decided from each resource). */
    public GeneratorOptions withTables(Optional<TableSet> set) {
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, set, metricsFrom, platform, keepDeclaredTables);
    }

    /** These options with the metrics scrapers narrowed to these peers (empty: anywhere, as documented). */
    public GeneratorOptions withMetricsFrom(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers) {
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, peers, platform, keepDeclaredTables);
    }

    /** These options with the platform forced or detected as {@code setting} says. */
    public GeneratorOptions withPlatform(PlatformChoice.Setting setting) {
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, setting, keepDeclaredTables);
    }

    /** These options with {@code --tables-override} on or off. */
    public GeneratorOptions withKeepDeclaredTables(boolean keep) {
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts, apiServerPorts, apiServerCidrs, tables, metricsFrom, platform, keep);
    }

    /** The DNS ports of a policy written for {@code p}: those given ({@code --dns-port}), else the platform's. */
    public List<Integer> dnsPorts(dev.esnetpol.catalogue.Platform p) {
        return dnsPorts.isEmpty() ? p.dnsPorts() : dnsPorts;
    }
}
