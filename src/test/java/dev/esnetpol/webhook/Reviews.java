package dev.esnetpol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** AdmissionReview requests as the API server sends them, wrapping a resource read from a YAML file. */
final class Reviews {

    static final ObjectMapper JSON = new ObjectMapper();

    private Reviews() {
    }

    static JsonNode resource(String yamlFile) throws IOException {
        return new YAMLMapper().readTree(Files.readString(Path.of(yamlFile)));
    }

    static ObjectNode request(String uid, String operation, JsonNode object) {
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", "admission.k8s.io/v1");
        review.put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request");
        request.put("uid", uid);
        request.put("operation", operation);
        ObjectNode kind = request.putObject("kind");
        kind.put("group", "eventstreams.ibm.com");
        kind.put("version", object.path("apiVersion").asText().replaceFirst(".*/", ""));
        kind.put("kind", object.path("kind").asText());
        request.put("namespace", object.path("metadata").path("namespace").asText("default"));
        request.set("object", object);
        return review;
    }
}
