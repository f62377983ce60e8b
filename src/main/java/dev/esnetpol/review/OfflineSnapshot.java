package dev.esnetpol.review;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installations;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The same snapshot from files (`kubectl get -o yaml` dumps, manifests directories): Event Streams resources,
 * Namespaces, Pods or workloads, NetworkPolicies. The namespace reviewed is the resources' own (they must
 * agree) unless one is given.
 */
public final class OfflineSnapshot {

    private OfflineSnapshot() {
    }

    public static Snapshot read(List<String> paths, String namespace) {
        return of(YamlSources.read(paths, System.in, true), namespace, String.join(", ", paths));
    }

    /**
     * The snapshot of documents already read (namespaces filled in). Refuses, rather than reviews nothing, a
     * namespace without an Event Streams resource: a review that passes on nothing would let a CI gate pass.
     */
    public static Snapshot of(List<YamlDocument> docs, String namespace, String source) {
        List<String> paths = List.of(source);
        ClusterLoader.Loaded loaded = ClusterLoader.load(docs);
        List<EventStreamsResource> resources = dev.esnetpol.verify.ClusterInputs.eventStreamsResources(loaded.others());
        Set<String> namespaces = new LinkedHashSet<>();
        resources.forEach(r -> namespaces.add(Installations.namespace(r, null)));
        String ns = namespace;
        if (ns == null) {
            if (namespaces.size() != 1) {
                throw new InvalidInputException(List.of(InputProblem.at(String.join(",", paths), "",
                        namespaces.isEmpty() ? "no Event Streams resource found: nothing to review"
                                : "resources of several namespaces " + namespaces + ": choose one with -n")));
            }
            ns = namespaces.iterator().next();
        }
        String reviewed = ns;
        List<EventStreamsResource> inNamespace = resources.stream().filter(r -> Installations.namespace(r, null).equals(reviewed)).toList();
        if (inNamespace.isEmpty()) {
            throw new InvalidInputException(List.of(InputProblem.at(source, "", "no Event Streams resource in namespace '" + reviewed
                    + "': nothing to review" + (namespaces.isEmpty() ? "" : " (the inputs have some in " + namespaces + ")"))));
        }
        Cluster c = loaded.cluster();
        Cluster scoped = c.withPolicies(c.policies().stream().filter(p -> reviewed.equals(p.getMetadata().getNamespace())).toList());
        return new Snapshot(reviewed, inNamespace, scoped, source);
    }
}
