package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonMappingException;
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

    /**
     * The problem of a Jackson read of a value of this document that failed: at the field Jackson names
     * ({@code spec.containers[0].ports[0].containerPort}), below {@code prefix} (the path of the value read, empty
     * for the whole document), on that field's line, with Jackson's message.
     */
    public InputProblem problem(String prefix, JsonMappingException e) {
        String below = pathOf(e);
        String path = prefix.isEmpty() ? below : below.isEmpty() ? prefix : below.startsWith("[") ? prefix + below : prefix + "." + below;
        return problem(path, messageOf(e));
    }

    /**
     * Jackson's message for a failed read, with the Java types it names by their simple names
     * ({@code `java.lang.Integer`} as {@code `Integer`}, {@code `dev.esnetpol.analyze.PodDocument$PodSpec`} as
     * {@code `PodSpec`}): a user reads YAML, not our packages.
     */
    public static String messageOf(JsonMappingException e) {
        return JAVA_TYPE.matcher(e.getOriginalMessage()).replaceAll("`$1`");
    }

    private static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern.compile("`(?:[a-z]\\w*\\.)+(?:\\w+\\$)*(\\w+)`");

    /** The field path ({@code a.b[2].c}) of the value a Jackson mapping exception is about. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return sb.toString();
    }
}
