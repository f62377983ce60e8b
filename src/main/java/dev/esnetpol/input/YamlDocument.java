package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object read from a file: where it came from (file and the line its document starts on)
 * and its tree. Items of a {@code List} wrapper become documents of their own.
 */
public record YamlDocument(String file, int line, JsonNode node) {

    public String kind() {
        return node.path("kind").asText("");
    }

    public String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    public String name() {
        return node.path("metadata").path("name").asText("");
    }

    public InputProblem problem(String path, String message) {
        return new InputProblem(file, line, path, message);
    }
}
