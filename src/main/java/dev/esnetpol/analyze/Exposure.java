package dev.esnetpol.analyze;

import java.util.List;

/**
 * A Route ({@code route.openshift.io/v1}) or an Ingress ({@code networking.k8s.io/v1}): what the cluster's router
 * or ingress controller forwards to, through Services, from outside the cluster. Only where it leads is kept; hosts,
 * paths and TLS decide nothing NetworkPolicies see.
 *
 * @param kind      {@code Route} or {@code Ingress}
 * @param backends  the Services it forwards to: a Route's {@code spec.to} and {@code spec.alternateBackends}; an
 *                  Ingress's {@code spec.defaultBackend} and each {@code spec.rules[].http.paths[].backend}
 * @param line      where it is written (file:line), for messages
 */
public record Exposure(String kind, String namespace, String name, List<Backend> backends, String line) {

    public Exposure {
        backends = List.copyOf(backends);
    }

    /** One Service the exposure forwards to, and which of its ports. */
    public record Backend(String service, PortRef port) {
    }

    /** Which port of a Service's pods a backend reaches. */
    public sealed interface PortRef {
    }

    /** A Route without {@code spec.port}: every port of the Service. */
    public record EveryPort() implements PortRef {
    }

    /** The Service port of this number (an Ingress's {@code service.port.number}). */
    public record ServicePortNumber(int number) implements PortRef {
    }

    /** The Service port of this name (an Ingress's {@code service.port.name}, a Route's string {@code targetPort}). */
    public record ServicePortName(String name) implements PortRef {
    }

    /**
     * The pods' port of this number (a Route's numeric {@code spec.port.targetPort}: "the target port on pods selected
     * by the service this route points to", OpenShift API reference, RoutePort).
     */
    public record PodPort(int number) implements PortRef {
    }

    /** {@code Route ns/name}, as messages name it. */
    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
