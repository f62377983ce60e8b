package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.input.YamlDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Routes and Ingresses of the inputs with the {@code v1} Services they name, resolved to the pods and ports the
 * router or ingress controller connects to: Service by name in the exposure's namespace, pods by the Service's
 * {@code spec.selector}, the Service port's {@code targetPort} (a number, or a name looked up in each pod's container
 * ports, as the endpoints controller does). The documents are read after {@code StrictFields} checked them.
 */
public final class Exposures {

    /** A Service as far as it leads from an exposure to pods ({@code spec.selector}, {@code spec.ports}). */
    record Service(String namespace, String name, Map<String, String> selector, List<ServicePort> ports) {
    }

    /** {@code ServicePort}; {@code targetPort} is a number or a container port's name, absent meaning {@code port}. */
    record ServicePort(String name, int port, JsonNode targetPort, String protocol) {
    }

    /** One pod and port the router or ingress controller must reach for {@code exposure}. */
    public record Target(Exposure exposure, Pod pod, String protocol, int port) {

        /** The connection as a {@link Connections}: one port of one protocol. */
        public Connections connections() {
            return Connections.of(protocol, PortSet.of(port));
        }
    }

    private final List<Exposure> exposures;
    private final Map<String, Service> services;

    private Exposures(List<Exposure> exposures, Map<String, Service> services) {
        this.exposures = List.copyOf(exposures);
        this.services = services;
    }

    /** None: the inputs hold no Route or Ingress. */
    public static final Exposures NONE = new Exposures(List.of(), Map.of());

    /** The Routes, Ingresses and Services among {@code documents} (others are ignored). */
    public static Exposures read(List<YamlDocument> documents) {
        List<Exposure> exposures = new ArrayList<>();
        Map<String, Service> services = new LinkedHashMap<>();
        for (YamlDocument doc : documents) {
            JsonNode node = doc.node();
            String ns = node.path("metadata").path("namespace").asText("default");
            JsonNode spec = node.path("spec");
            if (doc.kind().equals("Route") && doc.apiVersion().equals("route.openshift.io/v1")) {
                Exposure.PortRef port = routePort(spec.path("port").path("targetPort"));
                List<Exposure.Backend> backends = new ArrayList<>();
                routeBackend(spec.path("to"), port, backends);
                spec.path("alternateBackends").forEach(b -> routeBackend(b, port, backends));
                exposures.add(new Exposure("Route", ns, doc.name(), backends, doc.file() + ":" + doc.line()));
            } else if (doc.kind().equals("Ingress") && doc.apiVersion().equals("networking.k8s.io/v1")) {
                List<Exposure.Backend> backends = new ArrayList<>();
                ingressBackend(spec.path("defaultBackend"), backends);
                spec.path("rules").forEach(r -> r.path("http").path("paths").forEach(p -> ingressBackend(p.path("backend"), backends)));
                exposures.add(new Exposure("Ingress", ns, doc.name(), backends, doc.file() + ":" + doc.line()));
            } else if (doc.kind().equals("Service") && doc.apiVersion().equals("v1")) {
                Map<String, String> selector = new LinkedHashMap<>();
                spec.path("selector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
                List<ServicePort> ports = new ArrayList<>();
                spec.path("ports").forEach(p -> ports.add(new ServicePort(p.path("name").asText(""), p.path("port").asInt(),
                        p.get("targetPort"), p.path("protocol").asText("TCP"))));
                services.put(ns + "/" + doc.name(), new Service(ns, doc.name(), selector, ports));
            }
        }
        return new Exposures(exposures, services);
    }

    private static Exposure.PortRef routePort(JsonNode targetPort) {
        if (targetPort.isIntegralNumber()) {
            return new Exposure.PodPort(targetPort.asInt());
        }
        return targetPort.isTextual() ? new Exposure.ServicePortName(targetPort.asText()) : new Exposure.EveryPort();
    }

    /** A Route's {@code to} or alternate backend: only {@code kind: Service} (the default, and the only kind the router serves). */
    private static void routeBackend(JsonNode to, Exposure.PortRef port, List<Exposure.Backend> out) {
        if (to.path("name").isTextual() && to.path("kind").asText("Service").equals("Service")) {
            out.add(new Exposure.Backend(to.path("name").asText(), port));
        }
    }

    /** An Ingress backend of a Service (a {@code resource} backend reaches no pod). */
    private static void ingressBackend(JsonNode backend, List<Exposure.Backend> out) {
        JsonNode service = backend.path("service");
        if (!service.path("name").isTextual()) {
            return;
        }
        JsonNode port = service.path("port");
        Exposure.PortRef ref = port.path("number").isIntegralNumber() ? new Exposure.ServicePortNumber(port.path("number").asInt())
                : port.path("name").isTextual() ? new Exposure.ServicePortName(port.path("name").asText()) : new Exposure.EveryPort();
        out.add(new Exposure.Backend(service.path("name").asText(), ref));
    }

    public List<Exposure> exposures() {
        return exposures;
    }

    public boolean isEmpty() {
        return exposures.isEmpty();
    }

    /**
     * The exposure {@code name} designates: {@code [route/|ingress/]NAME} or {@code NAMESPACE/[route/|ingress/]NAME};
     * empty when none does, or several in different namespaces do.
     */
    public Optional<Exposure> named(String name) {
        String[] parts = name.split("/");
        List<Exposure> matches = exposures.stream().filter(e -> designates(e, parts)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static boolean designates(Exposure e, String[] parts) {
        String kind = e.kind().toLowerCase(java.util.Locale.ROOT);
        return switch (parts.length) {
            case 1 -> parts[0].equals(e.name());
            case 2 -> parts[1].equals(e.name()) && (parts[0].equals(kind) || parts[0].equals(e.namespace()));
            case 3 -> parts[0].equals(e.namespace()) && parts[1].equals(kind) && parts[2].equals(e.name());
            default -> false;
        };
    }

    /** Every pod and port of every exposure, in input order. */
    public List<Target> targets(Cluster cluster) {
        List<Target> out = new ArrayList<>();
        exposures.forEach(e -> out.addAll(targets(e, cluster, new ArrayList<>())));
        return out;
    }

    /**
     * The pods and ports {@code exposure} leads to in {@code cluster}; why a backend leads nowhere is added to
     * {@code unresolved} (a Service the inputs do not hold, one without a selector, a port it does not have).
     */
    public List<Target> targets(Exposure exposure, Cluster cluster, List<String> unresolved) {
        List<Target> out = new ArrayList<>();
        for (Exposure.Backend b : exposure.backends()) {
            Service s = services.get(exposure.namespace() + "/" + b.service());
            if (s == null) {
                unresolved.add(exposure + ": Service " + exposure.namespace() + "/" + b.service() + " is not among the inputs");
                continue;
            }
            if (s.selector().isEmpty()) {
                unresolved.add(exposure + ": Service " + s.namespace() + "/" + s.name() + " has no selector (its endpoints are not pods es-netpol can name)");
                continue;
            }
            List<Pod> pods = cluster.pods().stream().filter(p -> p.namespace().equals(s.namespace())
                    && p.labels().entrySet().containsAll(s.selector().entrySet())).toList();
            if (pods.isEmpty()) {
                unresolved.add(exposure + ": Service " + s.namespace() + "/" + s.name() + " selects no pod of the inputs (selector " + s.selector() + ")");
            }
            if (b.port() instanceof Exposure.PodPort pp) {
                String protocol = s.ports().stream().filter(sp -> pp.number() == sp.port() || isNumber(sp.targetPort(), pp.number()))
                        .map(ServicePort::protocol).findFirst().orElse("TCP");
                pods.forEach(p -> out.add(new Target(exposure, p, protocol, pp.number())));
                continue;
            }
            List<ServicePort> ports = s.ports().stream().filter(sp -> b.port() instanceof Exposure.ServicePortNumber n ? sp.port() == n.number()
                    : !(b.port() instanceof Exposure.ServicePortName m) || sp.name().equals(m.name())).toList();
            if (ports.isEmpty()) {
                unresolved.add(exposure + ": Service " + s.namespace() + "/" + s.name() + " has no port " + b.port());
            }
            for (Pod p : pods) {
                for (ServicePort sp : ports) {
                    Integer port = podPort(sp, p);
                    if (port == null) {
                        unresolved.add(exposure + ": pod " + p + " has no container port named '" + sp.targetPort().asText() + "'");
                    } else {
                        out.add(new Target(exposure, p, sp.protocol(), port));
                    }
                }
            }
        }
        return out;
    }

    private static boolean isNumber(JsonNode node, int n) {
        return node != null && node.isIntegralNumber() && node.asInt() == n;
    }

    /** The pod's port a Service port forwards to: its targetPort's number, its name's container port, or {@code port}. */
    private static Integer podPort(ServicePort sp, Pod pod) {
        JsonNode t = sp.targetPort();
        if (t == null || t.isNull()) {
            return sp.port();
        }
        if (t.isIntegralNumber()) {
            return t.asInt();
        }
        return pod.ports().stream().filter(np -> np.name().equals(t.asText()) && np.protocol().equals(sp.protocol()))
                .map(NamedPort::port).findFirst().orElse(null);
    }
}
