package dev.esnetpol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esnetpol.generate.GeneratorOptions;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admission decision: every error class of render is a denial with its field path; risks are warnings. */
class AdmissionValidatorTest {

    private final AdmissionValidator validator = new AdmissionValidator(GeneratorOptions.defaults());

    private AdmissionResponse review(String file) throws IOException {
        return validator.review(Reviews.request("uid-1", "CREATE", Reviews.resource(file))).getResponse();
    }

    @Test
    void aGoodResourceIsAllowedWithTheUidEchoed() throws IOException {
        AdmissionResponse r = validator.review(Reviews.request("7f0c", "CREATE", Reviews.resource("examples/eventstreams-connect-georep.yaml")))
                .getResponse();
        assertEquals("7f0c", r.getUid());
        assertTrue(r.getAllowed());
        assertNull(r.getStatus());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            listener-ports.yaml;            spec.strimziOverrides.kafka.listeners[1].port: expected a whole number, found the string 'nine'
            listener-ports.yaml;            spec.strimziOverrides.kafka.listeners[2].port: port 70000 is out of range 1-65535
            listener-ports.yaml;            spec.strimziOverrides.kafka.listeners[3].port: port 9092 is already used by the listener at spec.strimziOverrides.kafka.listeners[0]
            map-listener-and-tls.yaml;      spec.strimziOverrides.kafka.listeners.secure: unknown listener 'secure'
            map-listener-and-tls.yaml;      spec.security.internalTls: 'TLSv1.3' is not a valid value
            missing-name.yaml;              metadata.name: missing name
            network-policy-peers.yaml;      spec.strimziOverrides.kafka.listeners[0].networkPolicyPeers[0].podSelector.matchExpressions[0].operator: unknown operator 'Equals'
            network-policy-peers.yaml;      spec.strimziOverrides.kafka.listeners[0].networkPolicyPeers[1].ipBlock.cidr: '10.0.0.0/33' is not a CIDR
            network-policy-peers.yaml;      spec.strimziOverrides.kafka.listeners[0].networkPolicyPeers[2]: ipBlock cannot be combined with podSelector
            network-policy-peers.yaml;      spec.strimziOverrides.kafka.listeners[0].networkPolicyPeers[4].podSelector.matchLabels: invalid label key 'bad key!'
            """)
    void everyErrorOfRenderIsADenialWithItsFieldPath(String file, String expected) throws IOException {
        AdmissionResponse r = review("src/test/resources/bad/" + file);
        assertFalse(r.getAllowed());
        assertEquals(422, r.getStatus().getCode());
        assertTrue(r.getStatus().getMessage().contains(expected.trim()), r.getStatus().getMessage());
    }

    @Test
    void aDenialListsAllProblems() throws IOException {
        String message = review("src/test/resources/bad/listener-ports.yaml").getStatus().getMessage();
        assertTrue(message.startsWith("EventStreams default/a would produce wrong network policies: "), message);
        assertEquals(4, message.split("; ").length, message);
    }

    @Test
    void aWrongApiVersionIsDenied() throws IOException {
        ObjectNode es = (ObjectNode) Reviews.resource("examples/eventstreams-quickstart.yaml");
        es.put("apiVersion", "eventstreams.ibm.com/v1alpha1");
        AdmissionResponse r = validator.review(Reviews.request("u", "UPDATE", es)).getResponse();
        assertFalse(r.getAllowed());
        assertTrue(r.getStatus().getMessage().contains("apiVersion: 'eventstreams.ibm.com/v1alpha1' is not supported"), r.getStatus().getMessage());
    }

    @Test
    void warningsForRiskyChoices() throws IOException {
        List<String> quickstart = review("examples/eventstreams-quickstart.yaml").getWarnings();
        assertTrue(quickstart.stream().anyMatch(w -> w.contains("listener 'plain' on port 9092 has no authentication")), quickstart.toString());
        assertFalse(quickstart.stream().anyMatch(w -> w.contains("listener 'tls'")), "tls has authentication");
        List<String> production = review("examples/eventstreams-production.yaml").getWarnings();
        assertTrue(production.stream().anyMatch(w -> w.startsWith("metrics port 9404 of kafka is open to anywhere")), production.toString());
        assertTrue(production.stream().anyMatch(w -> w.startsWith("JMX port 9999 of kafka is open to anywhere")), production.toString());
        assertTrue(production.stream().anyMatch(w -> w.startsWith("metrics port 9404 of zookeeper")), production.toString());
        AdmissionResponse noEgress = new AdmissionValidator(GeneratorOptions.defaults().withEgress(false))
                .review(Reviews.request("u", "CREATE", Reviews.resource("examples/eventstreams-connect-georep.yaml"))).getResponse();
        assertTrue(noEgress.getWarnings().stream().anyMatch(w -> w.startsWith("egress policies are switched off")));
    }

    @Test
    void deletesAndOtherKindsPass() throws IOException {
        assertTrue(validator.review(Reviews.request("d", "DELETE", Reviews.resource("src/test/resources/bad/listener-ports.yaml")))
                .getResponse().getAllowed());
        AdmissionResponse other = validator.review(Reviews.request("k", "CREATE", Reviews.JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}"))).getResponse();
        assertTrue(other.getAllowed());
        assertEquals(List.of("es-netpol does not validate ConfigMap"), other.getWarnings());
    }

    @Test
    void somethingThatIsNotAnAdmissionReviewIsABadRequest() throws IOException {
        JsonNode notAReview = Reviews.JSON.readTree("{\"kind\":\"Pod\"}");
        assertThrows(AdmissionValidator.BadRequest.class, () -> validator.review(notAReview));
        JsonNode noUid = Reviews.JSON.readTree("{\"kind\":\"AdmissionReview\",\"request\":{}}");
        assertThrows(AdmissionValidator.BadRequest.class, () -> validator.review(noUid));
        assertThrows(AdmissionValidator.BadRequest.class, () -> validator.review(Reviews.JSON.readTree("[1,2]")));
    }

    @Test
    void everyIbmSampleIsAdmitted() throws IOException {
        try (var files = java.nio.file.Files.list(dev.esnetpol.testing.SharedFiles.resolve("samples/event-streams"))) {
            List<java.nio.file.Path> samples = files.sorted().toList();
            for (java.nio.file.Path p : samples) {
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
