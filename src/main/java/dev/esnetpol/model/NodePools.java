package dev.esnetpol.model;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.kube.KubeValidation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks on {@code spec.strimziOverrides.nodePools} (kraft.md): each pool has a name that can be part of
 * pod and policy names, unique in the instance, and roles taken from {@code broker} and {@code controller}.
 */
final class NodePools {

    private static final Set<String> ROLES = Set.of(NodePool.BROKER, NodePool.CONTROLLER);

    private NodePools() {
    }

    static void validate(StrimziOverrides overrides, Problems problems) {
        List<NodePool> pools = overrides.getNodePools();
        if (pools == null) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        boolean anyBroker = false;
        for (int i = 0; i < pools.size(); i++) {
            String at = "spec.strimziOverrides.nodePools[" + i + "]";
            NodePool pool = pools.get(i);
            if (pool == null) {
                problems.add(at, "a node pool must be a mapping with name, replicas, roles and storage");
                continue;
            }
            validateName(pool.getName(), at + ".name", names, problems);
            List<String> roles = pool.getRoles();
            if (roles == null || roles.isEmpty()) {
                problems.add(at + ".roles", "missing roles: a node pool has the role broker, controller, or both");
            } else {
                for (int r = 0; r < roles.size(); r++) {
                    if (!ROLES.contains(roles.get(r))) {
                        problems.add(at + ".roles[" + r + "]", "unknown role '" + roles.get(r) + "' (expected broker or controller)");
                    }
                }
            }
            anyBroker |= pool.isBroker();
        }
        if (!pools.isEmpty() && !anyBroker && problems.list().stream().noneMatch(p -> p.path().contains(".roles"))) {
            problems.add("spec.strimziOverrides.nodePools", "no node pool has the broker role: the instance would have no brokers");
        }
    }

    private static void validateName(String name, String at, Map<String, String> names, Problems problems) {
        if (name == null || name.isEmpty()) {
            problems.add(at, "missing node pool name");
        } else if (!KubeValidation.isDnsLabel(name)) {
            problems.add(at, "'" + name + "' is not a valid node pool name (lowercase letters, digits and '-', starting and ending alphanumeric)");
        } else if (reservedNames().contains(name)) {
            // Pool pods are named <instance>-<pool>-<id>, and es-netpol names the pool's policy <instance>-<pool>-netpol:
            // a pool named after another component would share its pod and policy names.
            problems.add(at, "node pool name '" + name + "' is the name of another Event Streams component ("
                    + reservedNames().stream().sorted().collect(Collectors.joining(", ")) + " are taken)");
        } else if (names.putIfAbsent(name, at) != null) {
            problems.add(at, "node pool name '" + name + "' is already used at " + names.get(name));
        }
    }

    /** The pod-name parts of the other components ({@code kafka} itself is the usual broker pool's name). */
    private static Set<String> reservedNames() {
        return Arrays.stream(Component.values())
                .map(Component::appName)
                .filter(n -> !n.equals("kafka"))
                .collect(Collectors.toSet());
    }
}
