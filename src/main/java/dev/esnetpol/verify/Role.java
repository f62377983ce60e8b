package dev.esnetpol.verify;

import dev.esnetpol.generate.PodGroup;

/**
 * What an end of a checked connection stands for. Every node of verify's cluster has one, given where the
 * node is made ({@link SyntheticCluster}); reports name ends and group them by role through {@link Visitor},
 * never by reading node names back.
 */
public sealed interface Role {

    <R> R accept(Visitor<R> visitor);

    /** The component, when the end is a pod of one of the installations' groups. */
    default java.util.Optional<Component> component() {
        return java.util.Optional.empty();
    }

    /** One method per role: a new role does not compile until every report says how to show it. */
    interface Visitor<R> {
        R component(Component component);

        R clusterOperator(ClusterOperator operator);

        R operatorLookalike(OperatorLookalike lookalike);

        R otherNamespace(OtherNamespace other);

        R sameNamespace(SameNamespace neighbour);

        R clusterDns(ClusterDns dns);

        R outside(Outside outside);

        R apiServer(ApiServer apiServer);

        R givenPeer(GivenPeer peer);

        R externalTarget(ExternalTarget target);

        R clusterPod(ClusterPod pod);

        R exposedPeer(ExposedPeer peer);
    }

    /**
     * A pod of one of the installation's pod groups, number {@code replica} (from 0) of its pods; {@code standIn} when
     * no pod of the group runs and verify made it up (named as the product names the group's pods).
     */
    record Component(String installation, PodGroup group, int replica, boolean standIn) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.component(this);
        }

        @Override
        public java.util.Optional<Component> component() {
            return java.util.Optional.of(this);
        }

        /** The workload that runs the group's pods, as the product names it ({@code production-ibm-es-admapi[Deployment]}). */
        public String workload() {
            return ProductPods.workload(group).toString();
        }

        /** Whether {@code other} is a pod of the same group of the same installation (either replica). */
        public boolean sameGroup(Role other) {
            return other.component().filter(c -> c.installation.equals(installation) && c.group.equals(group)).isPresent();
        }
    }

    /** The Event Streams cluster operator: a stand-in, or ({@code standIn} false) a real operator pod of the cluster. */
    record ClusterOperator(boolean standIn) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.clusterOperator(this);
        }
    }

    /** Labelled as the operator, in a namespace without the operator's namespace labels. */
    record OperatorLookalike() implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.operatorLookalike(this);
        }
    }

    /** An unrelated pod in a namespace of its own. */
    record OtherNamespace() implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.otherNamespace(this);
        }
    }

    /** An unrelated pod in the instance's namespace. */
    record SameNamespace() implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sameNamespace(this);
        }
    }

    /** The cluster DNS (kube-system, k8s-app=kube-dns). */
    record ClusterDns() implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.clusterDns(this);
        }
    }

    /**
     * An address outside the cluster: the stand-in ({@link StandIns#OUTSIDE_ADDRESS}, {@code range} null), or the
     * first address of {@code range}, a range of outside addresses a rule opens that does not hold the stand-in
     * ({@link ExposedPeers}; the exposure analysis's ranges, as {@code matrix} writes them).
     */
    record Outside(String range) implements Role {

        /** The stand-in address. */
        static Outside standIn() {
            return new Outside(null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.outside(this);
        }
    }

    /** The Kubernetes API server: an address of {@code cidr}, or (cidr empty, none configured) one outside the cluster. */
    record ApiServer(String cidr) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.apiServer(this);
        }
    }

    /**
     * A source that peer number {@code peer} (from 1) of peers the user gave admits: a listener's
     * networkPolicyPeers ({@code name} is the listener's), or the {@code --metrics-from} scrapers.
     */
    record GivenPeer(String installation, dev.esnetpol.generate.Endpoint.GivenPeers.Source source, String name, int peer) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.givenPeer(this);
        }
    }

    /** An address inside an external target's block (Kafka Connect's, a geo-replicator's, ...). */
    record ExternalTarget(String cidr) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.externalTarget(this);
        }
    }

    /**
     * A pod that may appear (now or later) where a policy rule admits it, as the exposure analysis names such a peer
     * ({@code [namespace with {team=ops}]/[pod with {app=x}]}, np-guard's words; {@link dev.esnetpol.analyze.ExposurePeer}),
     * when none of the stand-ins above is one: a pod with the fewest labels that rule admits, in such a namespace.
     */
    record ExposedPeer(String peer) implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.exposedPeer(this);
        }
    }

    /** A pod read from the cluster that is none of the above (review passes them). */
    record ClusterPod() implements Role {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.clusterPod(this);
        }
    }
}
