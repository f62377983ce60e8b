package dev.esnetpol.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks on the {@code endpoints} of the admin API, admin UI, REST producer and schema registry: each
 * {@code containerPort} is a whole number outside the ranges the product keeps for itself (0-1000 and
 * 7000-7999: the product's "Configuring" page, REST services access) and used once per component.
 */
final class RestEndpoints {

    private RestEndpoints() {
    }

    static void validate(EventStreamsSpec spec, Problems problems) {
        check(spec.getAdminApi(), "spec.adminApi", problems);
        check(spec.getAdminUI(), "spec.adminUI", problems);
        check(spec.getRestProducer(), "spec.restProducer", problems);
        check(spec.getApicurioRegistry(), "spec.apicurioRegistry", problems);
    }

    /** Why the product refuses a container port, or null when it is allowed. */
    static String restricted(int port) {
        if (port < 1 || port > 65535) {
            return dev.esnetpol.kube.Messages.portOutOfRange(port);
        }
        if (port <= 1000) {
            return "port " + port + " is in the range 0-1000, which Event Streams keeps for itself";
        }
        if (port >= 7000 && port <= 7999) {
            return "port " + port + " is in the range 7000-7999, which Event Streams keeps for its internal traffic";
        }
        return null;
    }

    private static void check(RestComponentSpec component, String base, Problems problems) {
        if (component == null) {
            return;
        }
        List<RestEndpoint> endpoints = component.endpointList();
        Map<Integer, String> used = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String at = base + ".endpoints[" + i + "]";
            RestEndpoint e = endpoints.get(i);
            if (e == null) {
                problems.add(at, "an endpoint must be a mapping with name, type and containerPort");
                continue;
            }
            Integer port = e.getContainerPort();
            if (port == null) {
                if (problems.list().stream().noneMatch(p -> p.path().equals(at + ".containerPort"))) {
                    problems.add(at + ".containerPort", "missing containerPort, or not a whole number");
                }
                continue;
            }
            String why = restricted(port);
            if (why != null) {
                problems.add(at + ".containerPort", why);
            } else if (used.putIfAbsent(port, at) != null) {
                problems.add(at + ".containerPort", "port " + port + " is already used by the endpoint at " + used.get(port));
            }
        }
    }
}
