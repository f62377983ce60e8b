package dev.esnetpol.generate;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;

/**
 * One end of a flow, as the generator knows it before it becomes a NetworkPolicy peer. Code that treats each
 * kind differently goes through {@link Visitor}: a new kind adds a method there, and nothing compiles until
 * every visitor says what the kind means (no chain of instanceof that falls through to a default).
 */
public sealed interface Endpoint {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of endpoint. */
    interface Visitor<R> {
        R pods(Pods pods);

        R instancePods(InstancePods instancePods);

        R instanceComponent(InstanceComponent component);

        R componentPods(ComponentPods pods);

        R clusterOperator(ClusterOperator operator);

        R anywhere(Anywhere anywhere);

        R givenPeers(GivenPeers peers);

        R external(External external);

        R dns(Dns dns);

        R apiServer(ApiServer apiServer);
    }

    /** Pods of a component of this installation. */
    record Pods(PodGroup group) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pods(this);
        }

        @Override
        public String toString() {
            return group.toString();
        }
    }

    /**
     * The pods of one component of an instance, named by labels alone (conventions.md: name and instance), so
     * that a Kafka Connect or geo-replicator's policy does not depend on its instance being among the inputs.
     * {@code namespace} is null for the policy's own namespace, else the instance's (a Kafka Connect in its
     * own namespace bootstrapping to {@code demo-kafka-bootstrap.streams.svc}).
     */
    record InstanceComponent(String namespace, String instance, dev.esnetpol.catalogue.Component component) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.instanceComponent(this);
        }

        @Override
        public String toString() {
            return component.appName() + " of instance " + (namespace == null ? "" : namespace + "/") + instance;
        }
    }

    /**
     * Every pod of a component, in any namespace: a documented egress row's "Pod Label" alone
     * ({@code app.kubernetes.io/name=kafka-connect}). The destination's own ingress policy narrows it.
     */
    record ComponentPods(dev.esnetpol.catalogue.Component component) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.componentPods(this);
        }

        @Override
        public String toString() {
            return "every " + component.appName() + " pod";
        }
    }

    /** Every pod labelled with the instance's name ("Any pod in Event Streams instance"). */
    record InstancePods(String instance) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.instancePods(this);
        }

        @Override
        public String toString() {
            return "any pod of instance " + instance;
        }
    }

    /** The Event Streams cluster operator, in any namespace (or those an option names). */
    record ClusterOperator() implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.clusterOperator(this);
        }

        @Override
        public String toString() {
            return "cluster operator";
        }
    }

    /** Any source or destination, inside or outside the cluster. */
    record Anywhere() implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.anywhere(this);
        }

        @Override
        public String toString() {
            return "anywhere";
        }
    }

    /**
     * Peers as the user wrote them: a listener's {@code networkPolicyPeers} ({@code name} is the listener's), or the
     * {@code --metrics-from} peers that narrow the metrics and readiness rows.
     */
    record GivenPeers(Source source, String name, List<NetworkPolicyPeer> peers) implements Endpoint {

        /** Where the user gave them. */
        public enum Source {
            LISTENER("listener peers", "listener-peer"),
            METRICS_SCRAPERS("metrics scrapers", "metrics-scraper"),
            ROUTER("the router (route traffic)", "router");

            private final String words;
            private final String id;

            Source(String words, String id) {
                this.words = words;
                this.id = id;
            }

            /** How a review names peers of this source. */
            public String words() {
                return words;
            }

            /** How verify names their stand-ins. */
            public String id() {
                return id;
            }
        }

        /** A listener's {@code networkPolicyPeers}. */
        public static GivenPeers ofListener(String listener, List<NetworkPolicyPeer> peers) {
            return new GivenPeers(Source.LISTENER, listener, peers);
        }

        /** The platform's router, for a narrowed route listener ({@code Platform#routerPeers}). */
        public static GivenPeers router(List<NetworkPolicyPeer> peers) {
            return new GivenPeers(Source.ROUTER, "router", peers);
        }

        /** The {@code --metrics-from} peers (named so that no listener can share the name: listener names have no '-'). */
        public static GivenPeers metricsScrapers(List<NetworkPolicyPeer> peers) {
            return new GivenPeers(Source.METRICS_SCRAPERS, "metrics-scrapers", peers);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.givenPeers(this);
        }

        @Override
        public String toString() {
            return source == Source.LISTENER ? "networkPolicyPeers of listener " + name : "metrics scrapers (--metrics-from)";
        }
    }

    /** Addresses outside the cluster. */
    record External(String cidr) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.external(this);
        }

        @Override
        public String toString() {
            return cidr;
        }
    }

    /** The cluster DNS; where it runs differs between distributions, so it is reached by port alone. */
    record Dns() implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dns(this);
        }

        @Override
        public String toString() {
            return "cluster DNS";
        }
    }

    /** The Kubernetes API server. */
    record ApiServer() implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.apiServer(this);
        }

        @Override
        public String toString() {
            return "Kubernetes API server";
        }
    }
}
