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

    Problems(YamlDocument doc) {
        this.file = doc.file();
        this.line = doc.line();
        this.lines = doc.lines();
    }

    static Problems of(DeserializationContext ctxt) {
        return (Problems) ctxt.getAttribute(Problems.class);
    }

    void add(String path, String message) {
        list.add(new InputProblem(file, lines.lineOf(path, line), path, message));
    }

    /**
     * A key es-netpol neither reads nor resembles: the product's API server, not es-netpol, decides whether it is
     * valid, so it is a warning unless the user asked for {@code --strict}.
     */
    void warn(String path, String message) {
        warnings.add(new InputProblem(file, lines.lineOf(path, line), path, message));
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
