package dev.esnetpol.webhook;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.testing.SharedFiles;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook admits every release's resources (v1beta1 to v1, node pools) and refuses a bad endpoint port with its field path. */
class KRaftAdmissionTest {

    private final AdmissionValidator validator = new AdmissionValidator(GeneratorOptions.defaults());

    private AdmissionResponse review(String file) throws IOException {
        return validator.review(Reviews.request("uid-1", "CREATE", Reviews.resource(file))).getResponse();
    }

    @Test
    void everyIbmSampleIsAdmitted() throws IOException {
        try (var files = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            List<Path> samples = files.sorted().toList();
            for (Path p : samples) {
                assertTrue(review(p.toString()).getAllowed(), p.toString());
            }
        }
        assertTrue(review("examples/eventstreams-10.x-v1beta1.yaml").getAllowed());
    }

    @Test
    void aBadEndpointPortIsRefusedWithItsFieldPath() throws IOException {
        AdmissionResponse r = review("src/test/resources/kraft/bad-endpoints-and-pools.yaml");
        assertFalse(r.getAllowed());
        assertEquals(422, r.getStatus().getCode());
        String message = r.getStatus().getMessage();
        assertTrue(message.contains("spec.adminApi.endpoints[1].containerPort: port 7443 is in the range 7000-7999"), message);
        assertTrue(message.contains("spec.restProducer.endpoints[1].containerPort: port 8003 is already used"), message);
        assertTrue(message.contains("spec.strimziOverrides.nodePools[0].roles[1]: unknown role 'observer'"), message);
    }
}
