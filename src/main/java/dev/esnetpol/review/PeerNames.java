package dev.esnetpol.review;

import dev.esnetpol.analyze.Node;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.verify.End;
import dev.esnetpol.verify.Role;

import java.util.Map;

/**
 * How the report names the ends verify connects, by their role: components by name and instance, stand-ins
 * by what they stand for. Both replicas of a group get the group's name.
 */
final class PeerNames {

    private PeerNames() {
    }

    /** {@code kafka (es)}, {@code cluster operator}, {@code outside the cluster}, ... */
    static String of(End e) {
        return e.role().accept(new Label(e));
    }

    private static class Label implements Role.Visitor<String> {
        private final End end;

        Label(End end) {
            this.end = end;
        }

        @Override
        public String component(Role.Component c) {
            return c.group().component().appName() + " (" + c.group().owner() + ")";
        }

        @Override
        public String clusterOperator(Role.ClusterOperator o) {
            return "cluster operator";
        }

        @Override
        public String operatorLookalike(Role.OperatorLookalike l) {
            return "operator look-alike elsewhere";
        }

        @Override
        public String otherNamespace(Role.OtherNamespace o) {
            return "pods of other namespaces";
        }

        @Override
        public String sameNamespace(Role.SameNamespace n) {
            return "other pods of the namespace";
        }

        @Override
        public String clusterDns(Role.ClusterDns d) {
            return "cluster DNS";
        }

        @Override
        public String outside(Role.Outside o) {
            return "outside the cluster";
        }

        @Override
        public String apiServer(Role.ApiServer a) {
            return "Kubernetes API server";
        }

        @Override
        public String givenPeer(Role.GivenPeer p) {
            // A peer the user configured: "configured", never "not in the catalogue".
            return p.source() == dev.esnetpol.generate.Endpoint.GivenPeers.Source.LISTENER ? "configured peers (listener " + p.name() + ")"
                    : "configured peers (" + p.source().words() + ")";
        }

        @Override
        public String externalTarget(Role.ExternalTarget t) {
            return "addresses " + t.cidr();
        }

        @Override
        public String exposedPeer(Role.ExposedPeer p) {
            return "pods " + p.peer();
        }

        @Override
        public String clusterPod(Role.ClusterPod p) {
            // A pod of the cluster: named by its labels when it carries a component's, else by itself.
            Map<String, String> labels = end.node() instanceof Node.PodNode pn ? pn.pod().labels() : Map.of();
            String app = labels.get(Labels.NAME);
            String instance = labels.get(Labels.INSTANCE);
            if (Component.CLUSTER_OPERATOR.appName().equals(app)) {
                return "cluster operator";
            }
            return app != null && instance != null ? app + " (" + instance + ")" : end.toString();
        }
    }
}
