package dev.esnetpol.cli;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Focus;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.kube.Suggestions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --focus-workload}, {@code --focus-peer}, {@code --focus-direction}, {@code --focus-conn} on matrix and
 * diff: np-guard netpol-analyzer's {@code --focusworkload}, {@code --focusworkload-peer}, {@code --focus-direction}
 * and {@code --focus-conn}, with their meanings ({@link Focus}). A name that matches no workload is an error with
 * the closest names (np-guard only warns; a misspelt focus would print an empty, passing result).
 */
final class FocusOptions {

    @Option(names = "--focus-workload", paramLabel = "NAME", split = ",",
            description = "Only pairs with this workload at one end (name, namespace/name or namespace/name[Kind]). Repeatable, or comma-separated.")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--focus-peer", paramLabel = "NAME", split = ",",
            description = "With --focus-workload: only pairs whose other end is this peer. Repeatable, or comma-separated.")
    List<String> peers = new ArrayList<>();

    @Option(names = "--focus-direction", paramLabel = "ingress|egress",
            description = "With --focus-workload: only its ingress (it is the destination) or its egress (it is the source).")
    String direction;

    @Option(names = "--focus-conn", paramLabel = "PROTO/PORT",
            description = "Only pairs that allow this connection (e.g. TCP/9092; np-guard's tcp-9092 too), and only it.")
    String connection;

    /**
     * The focus, checked against the workload names the inputs hold ({@code known}, as a matrix prints them).
     * Peers or a direction without workloads are ignored with a warning, as np-guard does.
     */
    Focus toFocus(CommandSpec spec, Collection<String> known) {
        Focus.Direction d = null;
        if (direction != null) {
            try {
                d = Focus.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--focus-direction: expected ingress or egress, got '" + direction + "'"
                        + Suggestions.didYouMean(direction.toLowerCase(Locale.ROOT), List.of("ingress", "egress")));
            }
        }
        if (workloads.isEmpty() && (!peers.isEmpty() || d != null)) {
            spec.commandLine().getErr().println("warning: " + (d != null ? "--focus-direction" : "--focus-peer")
                    + " applies only with --focus-workload; ignored");
            spec.commandLine().getErr().flush();
        }
        check(spec, "--focus-workload", workloads, known);
        if (!workloads.isEmpty()) {
            check(spec, "--focus-peer", peers, known);
        }
        return new Focus(workloads, workloads.isEmpty() ? List.of() : peers, workloads.isEmpty() ? null : d, connection(spec));
    }

    private static void check(CommandSpec spec, String option, List<String> wanted, Collection<String> known) {
        for (String w : wanted) {
            if (known.stream().noneMatch(k -> Focus.names(w, k))) {
                Set<String> names = new LinkedHashSet<>();
                for (String k : known) {
                    names.add(k);
                    String base = k.contains("[") ? k.substring(0, k.lastIndexOf('[')) : k;
                    names.add(base);
                    names.add(base.substring(base.indexOf('/') + 1));
                }
                throw new ParameterException(spec.commandLine(), option + ": no workload '" + w + "' in the inputs"
                        + Suggestions.didYouMean(w, names));
            }
        }
    }

    private Connections connection(CommandSpec spec) {
        if (connection == null) {
            return null;
        }
        String[] parts = connection.split("[/-]", 2);
        String protocol = parts[0].toUpperCase(Locale.ROOT);
        int port = -1;
        if (parts.length == 2) {
            try {
                port = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (!Connections.PROTOCOLS.contains(protocol) || port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--focus-conn: expected PROTOCOL/PORT (TCP, UDP or SCTP, 1-65535), e.g. TCP/9092, got '"
                    + connection + "'");
        }
        return Connections.of(protocol, PortSet.of(port));
    }
}
