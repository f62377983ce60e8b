package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.NamedPort;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Owner;
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
                "  es-netpol explain --from es-prod/production-ibm-es-admapi-0 --to es-prod/production-kafka-0 --port 8091 examples/eventstreams-production.yaml",
                "  es-netpol explain --from 203.0.113.7 --to production-kafka-0 --port 9094 examples/eventstreams-production.yaml",
                "  es-netpol explain --from default/client --to default/web-0 --port http manifests/",
                "",
                "  es-netpol explain --from router --to orders-brokers-0 --port 9094 -f examples/openshift-namespace",
                "",
                "A pod is named namespace/name, name (when unique), or by its workload (namespace/)name, a Deployment's too; an address",
                "outside the cluster by its IP; on OpenShift, 'router' is the router (a pod of openshift-ingress, or a stand-in when the inputs hold none).",
                "Exit codes: 0 allowed, 1 denied, 2 bad input or usage."})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "POD|IP|router", description = "The source.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "POD|IP|ROUTE",
            description = "The destination; a Route or Ingress of the inputs ([NAMESPACE/][route/|ingress/]NAME) means the pods and port it leads to.")
    String to;

    @Option(names = "--port", paramLabel = "PORT[/PROTOCOL]",
            description = "The port, a number or a name (resolved on the destination pod's container ports, as the API does), and TCP "
                    + "(default), UDP or SCTP; required unless --to is a Route or Ingress (default: the port it leads to).")
    String port;

    @Mixin
    AnalysisInputs inputs;

    @Mixin
    OutputFileOption outputFile;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--profile", paramLabel = ProfileOption.LABEL,
            description = "The semantics that decide (default: ovn-kubernetes on OpenShift, else reference); the others are shown where they differ.")
    String profile;

    @Override
    public Integer call() {
        if (port == null) {
            dev.esnetpol.verify.ClusterInputs.Loaded loaded = inputs.load(spec);
            return explainExposure(loaded, inputs.exposures.named(to).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--port is required unless --to names a Route or Ingress of the inputs ('" + to + "' names none)")), null, 0);
        }
        String[] parts = port.split("/", 2);
        String protocol = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : null;
        if (protocol != null && !List.of("TCP", "UDP", "SCTP").contains(protocol)) {
            throw new ParameterException(spec.commandLine(), "--port: expected TCP, UDP or SCTP after '/', got '" + port + "'");
        }
        boolean named = !parts[0].isEmpty() && !parts[0].chars().allMatch(Character::isDigit);
        if (named && !dev.esnetpol.kube.KubeValidation.isPortName(parts[0])) {
            throw new ParameterException(spec.commandLine(), "--port: '" + parts[0]
                    + "' is neither a port number nor a port name (up to 15 lower-case letters, digits and '-', with a letter)");
        }
        int number = named ? 0 : parseNumber(parts[0]);
        dev.esnetpol.verify.ClusterInputs.Loaded loaded = inputs.load(spec);
        Cluster cluster = loaded.cluster();
        boolean pod = cluster.pods().stream().anyMatch(p -> p.toString().equals(to) || p.name().equals(to));
        var exposure = pod ? java.util.Optional.<dev.esnetpol.analyze.Exposure>empty() : inputs.exposures.named(to);
        if (exposure.isPresent()) {
            return explainExposure(loaded, exposure.get(), protocol == null ? "TCP" : protocol, number); // a port given: only it
        }
        Profile decides = ProfileOption.parse(spec, profile, inputs.platform(loaded));
        ProfileVerdicts verdicts = ProfileVerdicts.of(cluster);
        Node source = resolve(cluster, from, "--from");
        Node destination = resolve(cluster, to, "--to");
        if (named) {
            NamedPort np = NamedPorts.resolve(spec, verdicts.analyzer(decides).resolve(destination), parts[0], protocol);
            number = np.port();
            protocol = np.protocol();
        }
        Explanation e = verdicts.explain(decides, source, destination, protocol == null ? "TCP" : protocol, number);
        PrintWriter out = spec.commandLine().getOut();
        if (named) {
            out.println("note: port " + parts[0] + " of " + destination + " is " + number + "/" + protocol + " (its container port of that name)");
        }
        out.print(e.text());
        out.flush();
        return e.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private int parseNumber(String text) {
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: expected 1-65535 or a port name, and TCP, UDP or SCTP, got '" + port + "'");
        }
        return number;
    }

    /**
     * The workload names a pod goes by, as {@code kubectl get} shows them: its owner, and for a ReplicaSet's pod the
     * Deployment that made it ({@code production-ibm-es-admapi} for {@code production-ibm-es-admapi-6c9f7d}: a
     * Deployment names its ReplicaSets {@code <deployment>-<pod-template-hash>}; {@link Owner#deploymentOf}, else,
     * for a pod written without that label, the ReplicaSet's name up to its last dash).
     */
    private static List<String> workloads(Pod p) {
        String owner = p.owner().name();
        int dash = owner.lastIndexOf('-');
        String deployment = Owner.deploymentOf(p).orElse(dash > 0 ? owner.substring(0, dash) : null);
        return "ReplicaSet".equals(p.owner().kind()) && deployment != null ? List.of(owner, deployment) : List.of(owner);
    }

    /**
     * {@code --to ROUTE}: each pod and port the Route or Ingress leads to, explained in turn (only the port given,
     * when {@code protocol} is not null); allowed when every one is.
     */
    private int explainExposure(dev.esnetpol.verify.ClusterInputs.Loaded loaded, dev.esnetpol.analyze.Exposure exposure, String protocol, int number) {
        Cluster cluster = loaded.cluster();
        List<String> unresolved = new java.util.ArrayList<>();
        List<dev.esnetpol.analyze.Exposures.Target> targets = inputs.exposures.targets(exposure, cluster, unresolved).stream()
                .filter(t -> protocol == null || t.protocol().equals(protocol) && t.port() == number).toList();
        if (targets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--to: " + exposure + " leads to no pod" + (protocol == null ? "" : " on " + number + "/" + protocol)
                    + (unresolved.isEmpty() ? "" : " (" + String.join("; ", unresolved) + ")"));
        }
        Profile decides = ProfileOption.parse(spec, profile, inputs.platform(loaded));
        Node source = resolve(cluster, from, "--from");
        PrintWriter out = spec.commandLine().getOut();
        boolean allowed = true;
        for (dev.esnetpol.analyze.Exposures.Target t : targets) {
            Explanation e = ProfileVerdicts.of(cluster).explain(decides, source, Node.of(t.pod()), t.protocol(), t.port());
            out.println("# " + exposure + " -> " + t.pod() + " " + t.port() + "/" + t.protocol());
            out.print(e.text());
            allowed &= e.allowed();
        }
        out.flush();
        return allowed ? ExitCodes.OK : ExitCodes.FINDINGS;
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
                    || Matrix.workloadName(p).startsWith(name + "[") || (p.namespace() + "/" + p.owner().name()).equals(name)
                    || workloads(p).contains(name) || workloads(p).stream().anyMatch(w -> (p.namespace() + "/" + w).equals(name))).toList();
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
