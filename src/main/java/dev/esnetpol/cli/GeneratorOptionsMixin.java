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
            description = "Port(s) of the cluster DNS as pods reach it (default: 53; add 5353 on OpenShift).")
    List<Integer> dnsPorts = new ArrayList<>();

    @Option(names = "--api-server-cidr", paramLabel = "CIDR", split = ",",
            description = "Address block(s) of the Kubernetes API server, for the pods that call it (default: any address on 443 and 6443).")
    List<String> apiServerCidrs = new ArrayList<>();

    @Option(names = "--tables", paramLabel = "RELEASE|SET",
            description = "Write every instance's policies from the table set of this release (10.1 to 13.0) or set "
                    + "(10.1-11.7, 11.8-13.0). Default: decided per instance from what it declares (docs/generator.md).")
    String tables;

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
                problems.add(InputProblem.at("<command line>", "--dns-port", "port " + port + " is out of range 1-65535"));
            }
        }
        for (String cidr : apiServerCidrs) {
            try {
                Cidr.parse(cidr);
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.at("<command line>", "--api-server-cidr", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        GeneratorOptions defaults = GeneratorOptions.defaults();
        return new GeneratorOptions(egress, operatorNamespaceLabels,
                dnsPorts.isEmpty() ? defaults.dnsPorts() : dnsPorts,
                defaults.apiServerPorts(), apiServerCidrs, set);
    }
}
