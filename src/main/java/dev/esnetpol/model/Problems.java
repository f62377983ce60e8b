package dev.esnetpol.model;

import com.fasterxml.jackson.databind.DeserializationContext;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.LineIndex;
import dev.esnetpol.input.YamlDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one resource while it is read and checked, so that a user (or the admission
 * webhook) sees all of them at once. Travels through Jackson as a context attribute.
 */
final class Problems {

    private final String file;
    private final int line;
    private final LineIndex lines;
    private final List<InputProblem> list = new ArrayList<>();
    private final List<InputProblem> warnings = new ArrayList<>();
    private final java.util.Set<String> wrongTyped = new java.util.HashSet<>();

    Problems(YamlDocument doc) {
        this.file = doc.file();
        this.line = doc.line();
        this.lines = doc.lines();
    }

    static Problems of(DeserializationContext ctxt) {
        return (Problems) ctxt.getAttribute(Problems.class);
    }

    /** A problem at {@code path}; none where the value there was of the wrong type ({@link #wrongType}): it said so already. */
    void add(String path, String message) {
        if (!wrongTyped.contains(path)) {
            list.add(new InputProblem(file, lines.lineOf(path, line), path, message));
        }
    }

    /**
     * A value of the wrong type, found while reading: the field reads as absent, and the checks that follow
     * ("missing name") say nothing more about it.
     */
    void wrongType(String path, String message) {
        add(path, message);
        wrongTyped.add(path);
    }

    /**
     * A key es-netpol neither reads nor resembles: the product's API server, not es-netpol, decides whether it is
     * valid, so it is a warning unless the user asked for {@code --strict}.
     */
    void warn(String path, String message) {
        warnings.add(new InputProblem(file, lines.lineOf(path, line), path, message));
    }

    /**
     * The end of a message about a boolean where a string belongs: what the YAML reader made of the word the file
     * has, and the same word quoted ({@code : kubectl reads y as the boolean true; quote it: 'y'}).
     */
    String quoteBoolean(String path, boolean value) {
        String text = lines.textOf(path);
        String made = dev.esnetpol.input.YamlReading.madeBoolean(text, value);
        return (made == null ? "" : ": " + made) + "; quote it: '" + (text == null ? String.valueOf(value) : text) + "'";
    }

    List<InputProblem> warnings() {
        return warnings;
    }

    List<InputProblem> list() {
        return list;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }
}
