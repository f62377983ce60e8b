package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object read from a file: where it came from (file and the line its document starts on)
 * and its tree, with the line of each of its fields. Items of a {@code List} wrapper become documents of their own.
 */
public record YamlDocument(String file, int line, JsonNode node, LineIndex lines) {

    public YamlDocument {
        lines = lines == null ? LineIndex.EMPTY : lines;
    }

    /** A document whose fields' lines are unknown (it did not come from a file: an admission request). */
    public YamlDocument(String file, int line, JsonNode node) {
        this(file, line, node, LineIndex.EMPTY);
    }

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
        return new InputProblem(file, lines.lineOf(path, line), path, message);
    }
}
