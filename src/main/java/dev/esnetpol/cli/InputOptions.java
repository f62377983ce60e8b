package dev.esnetpol.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of every command that reads files, one way, as kubectl takes them: {@code -f FILE|DIR|-}
 * (repeatable), {@code -R} to walk directories recursively, and positional paths meaning the same as {@code -f}.
 */
final class InputOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-",
            description = "A YAML or JSON file (several documents and kind: List allowed), a directory, or - for standard input. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Read the directories given with -f (or as paths) recursively, as kubectl -R does.")
    boolean recursive;

    @Option(names = "--strict", description = "Refuse keys of Event Streams resources that es-netpol neither reads nor finds close to a key it reads "
            + "(a warning otherwise: the product's API server decides about them). Misspellings of keys es-netpol reads are refused either way. "
            + "verify and review: grants open to anywhere by default (OPEN) fail too (exit 1).")
    boolean strict;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "The same as -f PATH.")
    List<String> paths = new ArrayList<>();

    /** Every location given, -f first, in the order given. */
    List<String> locations() {
        List<String> all = new ArrayList<>(files);
        all.addAll(paths);
        return all;
    }
}
