package dev.esnetpol.cli;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.kube.Cidr;
import dev.esnetpol.kube.KubeValidation;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generation options shared by every command that renders policies (render, verify, review, operator). */
public final class GeneratorOptionsMixin {

    @Option(names = "--egress", arity = "1", defaultValue = "true", paramLabel = "true|false",
            description = "Write egress rules too (default: ${DEFAULT-VALUE}). Set false where the CNI or the platform team forbids egress policies.")
    boolean egress;

    @Option(names = "--operator-namespace-labels", paramLabel = "k=v[,k=v...]", split = ",",
            description = "Admit the cluster operator only from namespaces with these labels (default: any namespace, as the spec says).")
    Map<String, String> operatorNamespaceLabels = new LinkedHashMap<>();

    @Option(names = "--dns-port", paramLabel = "PORT", split = ",",
            description = "Port(s) of the cluster DNS as a policy sees them (default: the platform's, 53 on Kubernetes, 53 and 5353 on OpenShift).")
    List<Integer> dnsPorts = new ArrayList<>();

    @Option(names = "--api-server-cidr", paramLabel = "CIDR", split = ",",
            description = "Address block(s) of the Kubernetes API server, for the pods that call it (default: any address on 443 and 6443).")
    List<String> apiServerCidrs = new ArrayList<>();

    @Option(names = "--tables", paramLabel = "RELEASE|SET",
            description = "Write every instance's policies from the table set of this release (10.1 to 13.0) or set "
                    + "(10.1-11.7, 11.8-13.0). Default: decided per instance from what it declares (docs/generator.md).")
    String tables;

    @Option(names = "--platform", paramLabel = "kubernetes|openshift",
            description = "The platform the policies are written for: its DNS ports, its router for route listeners, its analyzer "
                    + "profile. Default: openshift for a resource with a route listener or endpoint or when the inputs hold *.openshift.io "
                    + "objects, kubernetes otherwise (docs/generator.md).")
    String platform;

    @Option(names = "--tables-override",
            description = "With --tables: where the set forced contradicts what an instance declares (a controller pool, ZooKeeper, v1, the "
                    + "KRaft preview annotation), write the forced set's rows and keep the declared set's, instead of refusing.")
    boolean tablesOverride;

    @Option(names = "--metrics-from", paramLabel = "PEER",
            description = "Who scrapes metrics, as a NetworkPolicy peer in YAML flow form, e.g. "
                    + "'{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}' (repeatable). Narrows every "
                    + "metrics and readiness row that says Anywhere (9404, 9999, 7888, 8443) to these peers and opens Kafka Exporter's 9404 "
                    + "to them. 'openshift' names OpenShift's platform and user-workload monitoring namespaces. Default: anywhere, as "
                    + "documented; Kafka Exporter closed.")
    List<String> metricsFrom = new ArrayList<>();

    /** The options, with what the inputs show of OpenShift for resources that say nothing themselves. */
    GeneratorOptions toOptions(Inputs read) {
        GeneratorOptions o = toOptions();
        return o.withPlatform(o.platform().withEvidence(read.openShiftEvidence()));
    }

    public GeneratorOptions toOptions() {
        List<InputProblem> problems = new ArrayList<>();
        java.util.Optional<dev.esnetpol.catalogue.TableSet> set = tables == null ? java.util.Optional.empty()
                : dev.esnetpol.catalogue.TableSet.parse(tables);
        if (tables != null && set.isEmpty()) {
            problems.add(InputProblem.at("<command line>", "--tables", "'" + tables + "' is not " + dev.esnetpol.catalogue.TableSet.accepted()));
        }
        operatorNamespaceLabels.forEach((k, v) -> {
            KubeValidation.validateLabelKey(k, "--operator-namespace-labels", (p, m) -> problems.add(InputProblem.at("<command line>", p, m)));
            KubeValidation.validateLabelValue(v, "--operator-namespace-labels", (p, m) -> problems.add(InputProblem.at("<command line>", p, m)));
        });
        for (int port : dnsPorts) {
            if (port < 1 || port > 65535) {
                problems.add(InputProblem.at("<command line>", "--dns-port", dev.esnetpol.kube.Messages.portOutOfRange(port)));
            }
        }
        for (String cidr : apiServerCidrs) {
            try {
                Cidr.parse(cidr);
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.at("<command line>", "--api-server-cidr", e.getMessage()));
            }
        }
        List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> scrapers = new ArrayList<>();
        java.util.Optional<dev.esnetpol.catalogue.Platform> forced = java.util.Optional.empty();
        if (platform != null) {
            try {
                forced = java.util.Optional.of(dev.esnetpol.catalogue.Platform.parse(platform));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.at("<command line>", "--platform", e.getMessage()));
            }
        }
        for (int i = 0; i < metricsFrom.size(); i++) {
            String at = "--metrics-from[" + i + "]";
            if (dev.esnetpol.catalogue.Platform.OPENSHIFT.id().equals(metricsFrom.get(i).trim())) {
                // The preset: OpenShift's platform Prometheus and the one for user workloads.
                scrapers.addAll(dev.esnetpol.catalogue.Platform.OPENSHIFT.monitoringPeers());
                continue;
            }
            dev.esnetpol.input.YamlDocument tree;
            try {
                // Through the one reader: typed as files are (--yaml), so 'monitoring: on' is what it is in a policy file.
                tree = dev.esnetpol.input.YamlSources.parseValue("<command line>", metricsFrom.get(i));
            } catch (java.io.IOException e) {
                problems.add(InputProblem.at("<command line>", at, "not a NetworkPolicy peer: " + message(e)));
                continue;
            }
            List<InputProblem> strict = strictPeer(tree, at);
            if (!strict.isEmpty()) {
                problems.addAll(strict);
                continue;
            }
            try {
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer peer = new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .treeToValue(tree.node(), io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer.class);
                if (peer == null || (peer.getPodSelector() == null && peer.getNamespaceSelector() == null && peer.getIpBlock() == null)) {
                    problems.add(InputProblem.at("<command line>", at, "a peer needs podSelector, namespaceSelector or ipBlock"));
                    continue;
                }
                KubeValidation.validatePeer(peer, at, (p, m) -> problems.add(InputProblem.at("<command line>", p, m)));
                scrapers.add(peer);
            } catch (java.io.IOException | IllegalArgumentException e) {
                problems.add(InputProblem.at("<command line>", at, "not a NetworkPolicy peer: " + message(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        GeneratorOptions defaults = GeneratorOptions.defaults();
        return new GeneratorOptions(egress, operatorNamespaceLabels, dnsPorts,
                defaults.apiServerPorts(), apiServerCidrs, set, scrapers,
                new dev.esnetpol.generate.PlatformChoice.Setting(forced, java.util.Optional.empty()), tablesOverride);
    }

    /**
     * A {@code --metrics-from} peer read as the API server reads a policy file's peer: placed in a NetworkPolicy
     * ({@code spec.ingress[0].from[0]}) and checked by {@link dev.esnetpol.kube.StrictFields}, so that
     * {@code namespaceSelecter} gets the same "did you mean" there as in a file. Empty when the peer reads cleanly
     * (or is no mapping: the typed read below says so).
     */
    private static List<InputProblem> strictPeer(dev.esnetpol.input.YamlDocument read, String at) {
        com.fasterxml.jackson.databind.JsonNode peer = read.node();
        if (peer == null || !peer.isObject()) {
            return List.of();
        }
        com.fasterxml.jackson.databind.node.ObjectNode policy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        policy.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy").putObject("metadata").put("name", "metrics-from");
        com.fasterxml.jackson.databind.node.ObjectNode spec = policy.putObject("spec");
        spec.putObject("podSelector");
        spec.putArray("ingress").addObject().putArray("from").add(peer);
        String inside = "spec.ingress[0].from[0]";
        return dev.esnetpol.kube.StrictFields.check(new dev.esnetpol.input.YamlDocument("<command line>", 0, policy, read.lines().under(inside))).stream()
                .map(p -> InputProblem.at("<command line>", p.path().startsWith(inside) ? at + p.path().substring(inside.length()) : at, p.message()))
                .toList();
    }

    /** Jackson's words without its location suffix (the option is named instead). */
    private static String message(Exception e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
