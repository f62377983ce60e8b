package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.Profile;
import dev.esnetpol.analyze.ProfileVerdicts;
import dev.esnetpol.kube.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code es-netpol explain}: is this one connection allowed, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Tell whether one connection is allowed, and which rules decide it.",
        description = "Tell whether one connection is allowed and why, on both sides: which policies select the source for egress and the destination for ingress, which rule admits the connection, or that none does.",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol explain --from es-prod/production-admin-api-0 --to es-prod/production-kafka-0 --port 8091 examples/eventstreams-production.yaml",
                "  es-netpol explain --from 203.0.113.7 --to production-kafka-0 --port 9094 examples/eventstreams-production.yaml",
                "",
                "  es-netpol explain --from router --to orders-brokers-0 --port 9094 -f examples/openshift-namespace",
                "",
                "A pod is named namespace/name, name (when unique), or namespace/workload; an address outside the cluster by its IP;",
                "on OpenShift, 'router' is the router (a pod of openshift-ingress, or a stand-in when the inputs hold none).",
                "Exit codes: 0 allowed, 1 denied, 2 bad input or usage."})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "POD|IP|router", description = "The source.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "POD|IP", description = "The destination.")
    String to;

    @Option(names = "--port", required = true, paramLabel = "PORT[/PROTOCOL]", description = "The port, and TCP (default), UDP or SCTP.")
    String port;

    @Mixin
    AnalysisInputs inputs;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--profile", paramLabel = ProfileOption.LABEL,
            description = "The semantics that decide (default: ovn-kubernetes on OpenShift, else reference); the others are shown where they differ.")
    String profile;

    @Override
    public Integer call() {
        String[] parts = port.split("/", 2);
        int number;
        try {
            number = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--port: '" + parts[0] + "' is not a port number");
        }
        String protocol = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "TCP";
        if (number < 1 || number > 65535 || !List.of("TCP", "UDP", "SCTP").contains(protocol)) {
            throw new ParameterException(spec.commandLine(), "--port: expected 1-65535 and TCP, UDP or SCTP, got '" + port + "'");
        }
        dev.esnetpol.verify.ClusterInputs.Loaded loaded = inputs.load(spec);
        Cluster cluster = loaded.cluster();
        Profile decides = ProfileOption.parse(spec, profile, inputs.platform(loaded));
        Explanation e = ProfileVerdicts.of(cluster).explain(decides, resolve(cluster, from, "--from"), resolve(cluster, to, "--to"), protocol, number);
        PrintWriter out = spec.commandLine().getOut();
        out.print(e.text());
        out.flush();
        return e.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private Node resolve(Cluster cluster, String name, String option) {
        if (Cidr.isCidr(name + (name.contains(":") ? "/128" : "/32"))) {
            return Node.ExternalNode.parse(name);
        }
        List<Pod> matches = cluster.pods().stream().filter(p -> p.toString().equals(name)).toList();
        if (matches.isEmpty() && RouterStandIn.NAME.equals(name)) {
            matches = RouterStandIn.find(cluster).map(List::of).orElse(List.of());
        }
        if (matches.isEmpty()) {
            matches = cluster.pods().stream().filter(p -> p.name().equals(name)
                    || Matrix.workloadName(p).startsWith(name + "[") || (p.namespace() + "/" + p.owner().name()).equals(name)).toList();
        }
        if (matches.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": no pod or workload '" + name + "' in the inputs (pods: "
                    + String.join(", ", cluster.pods().stream().limit(12).map(Pod::toString).toList()) + (cluster.pods().size() > 12 ? ", ..." : "") + ")");
        }
        if (matches.size() > 1 && matches.stream().map(Pod::namespace).distinct().count() > 1) {
            throw new ParameterException(spec.commandLine(), option + ": '" + name + "' is ambiguous: " + matches + "; name it namespace/name");
        }
        return Node.of(matches.get(0));
    }
}
