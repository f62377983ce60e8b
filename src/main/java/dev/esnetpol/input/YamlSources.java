package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
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
 * ...) are unwrapped into their items.
 */
public final class YamlSources {

    public static final String STDIN = "-";

    /**
     * No limit on a document's size: SnakeYAML's default (3 MiB of characters) refuses the {@code kind: List}
     * that {@code kubectl get pods -A -o yaml} prints for a few thousand pods, and the file is in memory
     * already. Alias expansion keeps SnakeYAML's limit (no "billion laughs"). The builder leaves out a default
     * that {@code new YAMLFactory()} has, an empty document reading as null (a trailing {@code ---}): given
     * back here ({@code YamlSourcesTest.anEmptyDocumentIsNoObject}). Plain scalars are typed as kubectl types
     * them ({@link KubectlYamlFactory}: {@code y} and {@code n} are booleans).
     */
    private static final YAMLMapper YAML = YAMLMapper.builder(KubectlYamlFactory.of(YAMLFactory.builder()
            .loaderOptions(unlimitedDocuments()).enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL))).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private YamlSources() {
    }

    private static org.yaml.snakeyaml.LoaderOptions unlimitedDocuments() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
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
                    if (text.contains("{{")) {
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
        List<YamlDocument> documents = new ArrayList<>();
        boolean json = file.endsWith(".json");
        ObjectMapper mapper = json ? JSON : YAML;
        try (Reader reader = new StringReader(text); JsonParser parser = mapper.createParser(reader)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                }
                int line = parser.currentTokenLocation().getLineNr();
                java.util.Map<String, Integer> lines = new java.util.HashMap<>();
                LocatedTreeReader located = new LocatedTreeReader(mapper, lines);
                JsonNode node = located.read(parser, "");
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue; // an empty document between two '---'
                }
                if (!node.isObject()) {
                    if (skipNonObjects) {
                        skipped[0]++;
                        continue;
                    }
                    throw new InvalidInputException(new InputProblem(file, line, "",
                            "expected a Kubernetes object (a mapping with apiVersion and kind), found " + node.getNodeType().toString().toLowerCase()));
                }
                addUnwrapped(file, line, node, located.index(), documents);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(new InputProblem(file, line, "", "not valid " + (json ? "JSON" : "YAML") + ": " + oneLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.at(file, "", "cannot read: " + describe(e)));
        }
        return documents;
    }

    private static void addUnwrapped(String file, int line, JsonNode node, LineIndex lines, List<YamlDocument> out) {
        String kind = node.path("kind").asText("");
        JsonNode items = node.get("items");
        if (kind.endsWith("List") && items != null && items.isArray()) {
            List<LineIndex> itemLines = lines.items("items", items.size());
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isObject()) {
                    // Items of a typed list (PodList, NamespaceList, ...) may leave out their kind: it is the list's.
                    com.fasterxml.jackson.databind.node.ObjectNode item = (com.fasterxml.jackson.databind.node.ObjectNode) items.get(i);
                    if (!item.hasNonNull("kind") && kind.length() > "List".length()) {
                        item.put("kind", kind.substring(0, kind.length() - "List".length()));
                        if (!item.hasNonNull("apiVersion") && node.hasNonNull("apiVersion")) {
                            item.set("apiVersion", node.get("apiVersion"));
                        }
                    }
                    String prefix = "items[" + i + "]";
                    addUnwrapped(file, lines.lineOf(prefix, line), items.get(i), itemLines.get(i), out);
                }
            }
        } else {
            out.add(new YamlDocument(file, line, node, lines));
        }
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

    /**
     * SnakeYAML's messages span several lines, with a snippet of the input and a caret under the column;
     * the line number is already in the problem, so keep only the words, on one line.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String t = line.trim();
            if (t.isEmpty() || t.equals("^") || t.startsWith("in 'reader'") || t.startsWith("in 'string'")) {
                continue;
            }
            if (!parts.isEmpty() && line.startsWith(" ") && !t.startsWith("in ")) {
                continue; // an echo of the offending input line
            }
            parts.add(t);
        }
        return String.join("; ", parts);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
