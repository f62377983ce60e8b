package dev.esnetpol.review;

import dev.esnetpol.verify.End;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.Role;
import dev.esnetpol.verify.VerifyReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader must know about the pods a review names: whether any of the installations' pods runs at all (a
 * namespace with resources and no pod is reviewed on stand-ins only, and says so in every output), which components
 * are stood in for, and, once each, what every kind of stand-in the findings name is.
 */
final class StandInNotes {

    private StandInNotes() {
    }

    /** An end as findings name it: a stand-in component says what it stands for. */
    static String name(End e) {
        return e.role().component().filter(Role.Component::standIn)
                .map(c -> e + " (stand-in for " + c.workload() + ": no pod of it runs)").orElse(e.toString());
    }

    static List<String> of(String namespace, VerifyReport report) {
        List<String> notes = new ArrayList<>();
        List<Role.Component> components = report.components().stream().map(e -> e.role().component().orElseThrow()).toList();
        List<String> standIns = components.stream().filter(Role.Component::standIn).map(Role.Component::workload).toList();
        if (!components.isEmpty() && standIns.size() == components.size()) {
            notes.add("no pod of the installations runs in namespace " + namespace + ": every pod named here is a stand-in, named as the "
                    + "product names its pods, as many as the resources' replicas say");
        } else if (!standIns.isEmpty()) {
            notes.add("no pod runs for " + String.join(", ", standIns) + ": stand-ins named as the product names its pods are reviewed instead");
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (Finding f : report.findings()) {
            explain(f.from()).ifPresent(kinds::add);
            explain(f.to()).ifPresent(kinds::add);
        }
        notes.addAll(kinds);
        return notes;
    }

    /** What a kind of stand-in is, once per kind; nothing for the cluster's own pods and the installations'. */
    private static Optional<String> explain(End e) {
        return e.role().accept(new Role.Visitor<Optional<String>>() {
            @Override
            public Optional<String> component(Role.Component c) {
                return Optional.empty();
            }

            @Override
            public Optional<String> clusterOperator(Role.ClusterOperator o) {
                return o.standIn() ? Optional.of("cluster operator: a stand-in for the Event Streams operator, in a namespace of its own") : Optional.empty();
            }

            @Override
            public Optional<String> operatorLookalike(Role.OperatorLookalike l) {
                return Optional.of("operator look-alike elsewhere: a stand-in labelled as the operator in a namespace without the operator "
                        + "namespace's labels (--operator-namespace-labels)");
            }

            @Override
            public Optional<String> otherNamespace(Role.OtherNamespace o) {
                return Optional.of("pods of other namespaces: a stand-in for any unrelated pod of another namespace");
            }

            @Override
            public Optional<String> sameNamespace(Role.SameNamespace n) {
                return Optional.of("other pods of the namespace: a stand-in for any unrelated pod of the reviewed namespace");
            }

            @Override
            public Optional<String> clusterDns(Role.ClusterDns d) {
                return Optional.of("cluster DNS: a stand-in for the DNS pods (kube-system, k8s-app=kube-dns)");
            }

            @Override
            public Optional<String> outside(Role.Outside o) {
                if (o.range() != null) {
                    return Optional.of("outside the cluster, " + o.range() + ": the first address of a range of outside addresses a rule "
                            + "opens (matrix --exposure names such ranges)");
                }
                return Optional.of("outside the cluster: a stand-in address outside every cluster (" + dev.esnetpol.verify.StandIns.OUTSIDE_ADDRESS
                        + ", TEST-NET-3)");
            }

            @Override
            public Optional<String> apiServer(Role.ApiServer a) {
                return Optional.of("Kubernetes API server: an address of --api-server-cidr, or (none given) one outside the cluster");
            }

            @Override
            public Optional<String> givenPeer(Role.GivenPeer p) {
                return Optional.of("configured peer: a stand-in for a peer the user configured (a listener's networkPolicyPeers, "
                        + "or --metrics-from), documented for the ports it is configured for");
            }

            @Override
            public Optional<String> externalTarget(Role.ExternalTarget t) {
                return Optional.of("addresses " + t.cidr() + ": a stand-in address of an external target's block");
            }

            @Override
            public Optional<String> clusterPod(Role.ClusterPod p) {
                return Optional.empty();
            }

            @Override
            public Optional<String> exposedPeer(Role.ExposedPeer p) {
                return Optional.of("pods " + p.peer() + ": a pod a policy rule admits that may appear later, with the "
                        + "fewest labels the rule's selectors require (named as matrix --exposure names such peers)");
            }
        });
    }
}
