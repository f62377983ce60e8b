package dev.esnetpol.cli;

import dev.esnetpol.analyze.NamedPort;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.kube.Suggestions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.List;

/**
 * {@code explain --port NAME}: a port name resolved as the API resolves a policy's named port
 * (networking.k8s.io/v1 NetworkPolicyPort.port: "a named port on a pod"): on the destination pod, among its
 * containers' ports ({@code spec.containers[].ports[].name}) of that protocol.
 */
final class NamedPorts {

    private NamedPorts() {
    }

    /**
     * The destination's container port named {@code name} (of {@code protocol}, or of any protocol when null and
     * only one has that name).
     *
     * @throws ParameterException when the destination is no pod, has no port of that name, or several protocols share it
     */
    static NamedPort resolve(CommandSpec spec, Node destination, String name, String protocol) {
        if (!(destination instanceof Node.PodNode pod)) {
            throw new ParameterException(spec.commandLine(), "--port: '" + name + "' is a port name, resolved on the destination pod; "
                    + destination + " is an address outside the cluster: give a number");
        }
        List<NamedPort> ports = pod.pod().ports();
        List<NamedPort> named = ports.stream().filter(p -> p.name() != null && p.name().equals(name)
                && (protocol == null || p.protocol().equals(protocol))).toList();
        if (named.isEmpty()) {
            List<String> names = ports.stream().map(NamedPort::name).filter(n -> n != null && !n.isEmpty()).distinct().toList();
            throw new ParameterException(spec.commandLine(), "--port: " + pod + " has no container port named '" + name + "'"
                    + (protocol == null ? "" : " for " + protocol)
                    + (names.isEmpty() ? " (it names none)" : Suggestions.didYouMean(name, names) + "; its named ports: " + String.join(", ", names)));
        }
        if (named.size() > 1 && named.stream().map(NamedPort::protocol).distinct().count() > 1) {
            throw new ParameterException(spec.commandLine(), "--port: " + pod + " has port '" + name + "' for several protocols ("
                    + String.join(", ", named.stream().map(p -> p.port() + "/" + p.protocol()).toList()) + "): give " + name + "/PROTOCOL");
        }
        return named.get(0);
    }
}
