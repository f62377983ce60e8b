package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the shipped ClusterRole ({@code deploy/operator/rbac.yaml}) lets the operator do, as the API server's RBAC
 * authorizer decides it for a request: the verb from the method and path (GET of a name is {@code get}, of a
 * collection {@code list}, or {@code watch} with {@code watch=true}; POST {@code create}, PUT {@code update}, PATCH
 * {@code patch}, DELETE {@code delete}), the API group and the resource (with its subresource, {@code eventstreams/status}).
 * Discovery ({@code /api}, {@code /apis}, a group or version) is every authenticated user's
 * ({@code system:discovery}) and allowed. The mock API server checks no permission: without this, a request the
 * role does not grant passes every test and is refused (403) on a real cluster.
 */
final class ClusterRoleRules {

    private final List<PolicyRule> rules;

    private ClusterRoleRules(List<PolicyRule> rules) {
        this.rules = rules;
    }

    static ClusterRoleRules shipped() throws IOException {
        String yaml = Files.readString(Path.of("deploy/operator/rbac.yaml"));
        for (String doc : yaml.split("(?m)^---$")) {
            if (doc.contains("kind: ClusterRole\n")) {
                try (InputStream in = new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    return new ClusterRoleRules(Serialization.unmarshal(in, ClusterRole.class).getRules());
                }
            }
        }
        throw new IllegalStateException("deploy/operator/rbac.yaml has no ClusterRole");
    }

    /** The requests the role refuses, as {@code METHOD path (verb group/resource)}. */
    List<String> refused(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> !allows(r.getMethod(), r.getPath()))
                .map(r -> r.getMethod() + " " + r.getPath() + " (" + attributes(r.getMethod(), r.getPath()).map(Attributes::toString).orElse("?") + ")")
                .toList();
    }

    boolean allows(String method, String path) {
        Optional<Attributes> a = attributes(method, path);
        return a.isEmpty() || rules.stream().anyMatch(rule -> rule.getApiGroups().contains(a.get().group())
                && rule.getResources().contains(a.get().resource()) && rule.getVerbs().contains(a.get().verb()));
    }

    record Attributes(String verb, String group, String resource) {
        @Override
        public String toString() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    /** The request's verb, group and resource; empty for discovery. */
    static Optional<Attributes> attributes(String method, String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String[] parts = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).replaceAll("^/+", "").split("/");
        int at;
        String group;
        if (parts[0].equals("api")) {
            group = "";
            at = 2; // api/v1/...
        } else if (parts[0].equals("apis")) {
            if (parts.length <= 3) {
                return Optional.empty(); // apis, apis/GROUP, apis/GROUP/VERSION: discovery
            }
            group = parts[1];
            at = 3; // apis/GROUP/VERSION/...
        } else {
            return Optional.empty(); // /version and other non-resource paths
        }
        if (parts.length <= at) {
            return Optional.empty();
        }
        if (parts[at].equals("namespaces") && parts.length > at + 2) {
            at += 2; // namespaces/NS/RESOURCE...
        }
        String resource = parts[at];
        boolean named = parts.length > at + 1;
        if (parts.length > at + 2) {
            resource = resource + "/" + parts[at + 2]; // a subresource
        }
        String verb = switch (method) {
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return Optional.of(new Attributes(verb, group, resource));
    }
}
