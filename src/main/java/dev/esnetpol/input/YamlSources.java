package dev.esnetpol.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes objects from the places a user names: files (YAML or JSON, one or many documents),
 * directories (every {@code .yaml}, {@code .yml} and {@code .json} below, in path order so output is
 * stable), and {@code -} for standard input. {@code List}-shaped wrappers ({@code List}, {@code PodList},
 * ...) are unwrapped into their items. The one reader of the objects es-netpol
 * reads (a kubeconfig has its own, {@code kube/Kubeconfig}): their plain words are typed by the
 * {@link YamlReading} in force (kubectl's unless {@code --yaml 1.2}), in {@link DocumentParser}.
 */
public final class YamlSources {

    public static final String STDIN = "-";

    private YamlSources() {
    }

    public static List<YamlDocument> read(List<String> locations, InputStream stdin) {
        return read(locations, stdin, false);
    }

    /**
     * Like {@link #read(List, InputStream)}; with {@code skipNonObjects}, documents that are not mappings
     * (a JSON array of tool output lying in a manifests directory, say) are passed over instead of refused:
     * the analyzer reads whatever Kubernetes objects a directory holds.
     */
    public static List<YamlDocument> read(List<String> locations, InputStream stdin, boolean skipNonObjects) {
        List<YamlDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String location : locations) {
            try {
                if (STDIN.equals(location)) {
                    String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                    documents.addAll(parse("<stdin>", text, skipNonObjects));
                } else {
                    for (Path file : expand(Path.of(location))) {
                        documents.addAll(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), skipNonObjects));
                    }
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(InputProblem.at(location, "", "cannot read: " + describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return documents;
    }

    /**
     * What {@link #readAll} found: the documents, every problem of every file (nothing stops at the first),
     * and what was passed over, for one line on standard error: templates and files below directories
     * not walked ({@code notes}), and documents that are not objects (a JSON patch, a list of tool output).
     */
    public record Read(List<YamlDocument> documents, List<InputProblem> problems, List<String> notes, int notObjects, List<String> templates,
                       List<Path> kustomizations, List<InputProblem> namedTemplates) {
    }


    /**
     * Reads every location as kubectl's {@code -f} does: a file, {@code -} for standard input, or a directory's
     * {@code .yaml}, {@code .yml} and {@code .json} files (and those of its subdirectories with {@code recursive},
     * kubectl's {@code -R}). Problems are collected, not thrown. A file in a directory that is a template
     * rather than YAML (it holds {@code {{ }}}, as Helm charts do) is passed over with a note naming its file
     * and line ({@code templates}, as {@code file:line}); a template named on its own is an error, kept apart
     * ({@code namedTemplates}: where YAML stopped) for the command to say how to render it. A directory walked
     * that holds a kustomization file is not read, but listed ({@code kustomizations}; {@link Kustomizations}).
     */
    public static Read readAll(List<String> locations, boolean recursive, InputStream stdin) {
        List<YamlDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<Path> kustomizations = new ArrayList<>();
        List<InputProblem> namedTemplates = new ArrayList<>();
        int[] notObjects = {0};
        for (String location : locations) {
            if (STDIN.equals(location)) {
                try {
                    String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                    documents.addAll(parseCounting("<stdin>", text, notObjects));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                } catch (IOException e) {
                    problems.add(InputProblem.at("<stdin>", "", "cannot read: " + describe(e)));
                }
                continue;
            }
            Path path = Path.of(location);
            if (!Files.exists(path)) {
                problems.add(InputProblem.at(location, "", "no such file or directory"));
                continue;
            }
            boolean directory = Files.isDirectory(path);
            List<Path> files;
            try {
                files = directory ? walk(path, recursive, notes, kustomizations) : List.of(path);
            } catch (IOException e) {
                problems.add(InputProblem.at(location, "", "cannot read: " + describe(e)));
                continue;
            }
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(InputProblem.at(file.toString(), "", "cannot read: " + describe(e)));
                    continue;
                }
                try {
                    documents.addAll(parseCounting(file.toString(), text, notObjects));
                } catch (InvalidInputException e) {
                    if (templateNear(text, e.problems().get(0).line())) {
                        InputProblem p = e.problems().get(0);
                        if (directory) {
                            templates.add(p.file() + (p.line() > 0 ? ":" + p.line() : ""));
                        } else {
                            namedTemplates.add(p);
                        }
                    } else {
                        problems.addAll(e.problems());
                    }
                }
            }
        }
        return new Read(documents, problems, notes, notObjects[0], templates, kustomizations, namedTemplates);
    }

    /**
     * Whether the YAML error at {@code line} (1-based; 0: unknown) is a template's: {@code {{} on that line or within
     * two lines before it (SnakeYAML stops at the token after the one that broke it). Not anywhere in the file: a
     * PrometheusRule's {@code {{ $labels.pod }}} in a quoted annotation is valid YAML, and the file's real mistake
     * elsewhere must be said as it is.
     */
    static boolean templateNear(String text, int line) {
        if (line <= 0) {
            return text.contains("{{");
        }
        String[] lines = text.split("\\R", -1);
        for (int i = Math.max(0, line - 3); i < Math.min(lines.length, line); i++) {
            if (lines[i].contains("{{")) {
                return true;
            }
        }
        return false;
    }

    /** Parses with non-objects skipped, adding how many were to {@code notObjects[0]} (the text is parsed once). */
    private static List<YamlDocument> parseCounting(String file, String text, int[] notObjects) {
        return parse(file, text, true, notObjects);
    }

    private static List<Path> walk(Path dir, boolean recursive, List<String> notes, List<Path> kustomizations) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> regular = walk.filter(Files::isRegularFile).sorted().toList();
            List<Path> found = Kustomizations.directories(regular, dir, recursive, kustomizations);
            List<Path> all = regular.stream().filter(YamlSources::isManifest).filter(p -> found.stream().noneMatch(p::startsWith)).toList();
            if (recursive) {
                return all;
            }
            List<Path> top = all.stream().filter(p -> dir.equals(p.getParent())).toList();
            if (top.size() < all.size()) {
                notes.add("ignored " + (all.size() - top.size()) + " file(s) in subdirectories of " + dir + " (use -R to read them, as kubectl does)");
            }
            return top;
        }
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    public static List<YamlDocument> read(List<String> locations) {
        return read(locations, System.in);
    }

    /** Parses the text of one file, which may hold several YAML documents or one JSON value. */
    public static List<YamlDocument> parse(String file, String text) {
        return parse(file, text, false);
    }

    public static List<YamlDocument> parse(String file, String text, boolean skipNonObjects) {
        return parse(file, text, skipNonObjects, new int[1]);
    }

    private static List<YamlDocument> parse(String file, String text, boolean skipNonObjects, int[] skipped) {
        return DocumentParser.parse(file, text, skipNonObjects, skipped);
    }

    /**
     * One YAML value given on the command line ({@code --metrics-from}), read as files are read (the
     * {@link YamlReading} in force), with the source text of its non-string scalars for messages; its node is
     * null for an empty text.
     *
     * @throws IOException where the text is not valid YAML (SnakeYAML's message, on one line) or holds a second document
     */
    public static YamlDocument parseValue(String source, String text) throws IOException {
        return DocumentParser.parseValue(source, text);
    }

    private static List<Path> expand(Path location) throws IOException {
        if (!Files.exists(location)) {
            throw new InvalidInputException(InputProblem.at(location.toString(), "", "no such file or directory"));
        }
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> walk = Files.walk(location)) {
            return walk.filter(Files::isRegularFile)
                    .filter(YamlSources::isManifest)
                    .sorted()
                    .toList();
        }
    }

    private static String describe(IOException e) {
        return DocumentParser.describe(e);
    }
}
