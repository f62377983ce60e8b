package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator's live platform evidence: discovery says whether the API server serves OpenShift's groups. */
class ClusterPlatformTest {

    private static Optional<String> evidenceWith(String... groups) {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init();
        var list = new APIGroupListBuilder();
        for (String g : groups) {
            var group = new APIGroupBuilder().withName(g).addNewVersion().withGroupVersion(g + "/v1").withVersion("v1").endVersion()
                    .withNewPreferredVersion().withGroupVersion(g + "/v1").withVersion("v1").endPreferredVersion().build();
            list.addToGroups(group);
            server.expect().get().withPath("/apis/" + g).andReturn(200, group).always();
        }
        server.expect().get().withPath("/apis").andReturn(200, list.build()).always();
        try (KubernetesClient client = server.createClient()) {
            return ClusterPlatform.openShiftEvidence(client);
        } finally {
            server.destroy();
        }
    }

    @Test
    void anApiServerServingRoutesIsOpenShift() {
        assertEquals(Optional.of("the API server serves route.openshift.io, which only OpenShift does"),
                evidenceWith("apps", "route.openshift.io", "eventstreams.ibm.com"));
        assertEquals(Optional.of("the API server serves config.openshift.io, which only OpenShift does"), evidenceWith("config.openshift.io"));
    }

    @Test
    void anUpstreamApiServerIsNot() {
        assertEquals(Optional.empty(), evidenceWith("apps", "networking.k8s.io", "eventstreams.ibm.com"));
    }
}
