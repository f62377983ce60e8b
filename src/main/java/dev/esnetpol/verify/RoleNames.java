package dev.esnetpol.verify;

/** The machine-readable name of each role (JSON's {@code role}), one case per role. */
public final class RoleNames {

    private RoleNames() {
    }

    public static String kind(Role role) {
        return role.accept(new Role.Visitor<>() {
            @Override
            public String component(Role.Component c) {
                return (c.replica() == 0 ? "component" : "component-replica") + (c.standIn() ? "-stand-in" : "");
            }

            @Override
            public String clusterOperator(Role.ClusterOperator o) {
                return o.standIn() ? "cluster-operator-stand-in" : "cluster-operator";
            }

            @Override
            public String operatorLookalike(Role.OperatorLookalike l) {
                return "operator-lookalike";
            }

            @Override
            public String otherNamespace(Role.OtherNamespace o) {
                return "other-namespace";
            }

            @Override
            public String sameNamespace(Role.SameNamespace n) {
                return "same-namespace";
            }

            @Override
            public String clusterDns(Role.ClusterDns d) {
                return "cluster-dns";
            }

            @Override
            public String outside(Role.Outside o) {
                return "outside";
            }

            @Override
            public String apiServer(Role.ApiServer a) {
                return "api-server";
            }

            @Override
            public String givenPeer(Role.GivenPeer p) {
                return p.source().id();
            }

            @Override
            public String externalTarget(Role.ExternalTarget t) {
                return "external-target";
            }

            @Override
            public String clusterPod(Role.ClusterPod p) {
                return "cluster-pod";
            }

            @Override
            public String exposedPeer(Role.ExposedPeer p) {
                return "exposed-peer";
            }
        });
    }
}
