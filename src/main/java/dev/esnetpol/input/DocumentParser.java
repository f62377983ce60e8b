package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text of one file (several YAML documents, or one JSON value) into {@link YamlDocument}s with the
 * line of every field, {@code List}-shaped wrappers unwrapped into their items. YAML is typed by the
 * {@link YamlReading} in force ({@link YamlReading#current()}); JSON has its own types.
 */
final class DocumentParser {

    /**
     * No limit on a document's size: SnakeYAML's default (3 MiB of characters) refuses the {@code kind: List}
     * that {@code kubectl get pods -A -o yaml} prints for a few thousand pods, and the file is in memory
     * already. Alias expansion keeps SnakeYAML's limit (no "billion laughs"). The builder leaves out a default
     * that {@code new YAMLFactory()} has, an empty document reading as null (a trailing {@code ---}): given
     * back here ({@code YamlSourcesTest.anEmptyDocumentIsNoObject}). One factory per {@link YamlReading}; the
     * YAML 1.2 one is built only when a command asks for it ({@link Yaml12}).
     *
     * <p>Factories, not mappers: the tree is built by {@link LocatedTreeReader} from the parser's tokens, so
     * reading needs no {@code ObjectMapper}, whose construction (date formats, type factory, the first
     * deserializers) was 7 % of the main thread's samples in a 100-pod {@code matrix} (README, "Start-up").
     */
    private static final JsonFactory KUBECTL_YAML = factory(YamlReading.KUBECTL);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The YAML 1.2 factory, built on first use: a command that never reads that way does not pay for it. */
    private static final class Yaml12 {
        static final JsonFactory FACTORY = factory(YamlReading.YAML_1_2);
    }

    private DocumentParser() {
    }

    private static JsonFactory factory(YamlReading reading) {
        return ReadingYamlFactory.of(YAMLFactory.builder()
                .loaderOptions(unlimitedDocuments()).enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL), reading);
    }

    private static org.yaml.snakeyaml.LoaderOptions unlimitedDocuments() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    /** The YAML factory of the reading in force: what every YAML text is read with. */
    private static JsonFactory yaml() {
        return YamlReading.current() == YamlReading.KUBECTL ? KUBECTL_YAML : Yaml12.FACTORY;
    }

    /**
     * One YAML value, as {@link YamlSources#parseValue}: a second document ({@code ---}) is refused, not dropped;
     * SnakeYAML's message comes on one line ({@link #oneLine}).
     */
    static YamlDocument parseValue(String source, String text) throws IOException {
        try (JsonParser parser = yaml().createParser(text)) {
            if (parser.nextToken() == null) {
                return new YamlDocument(source, 0, null);
            }
            LocatedTreeReader located = new LocatedTreeReader(new HashMap<>());
            JsonNode node = located.read(parser, "");
            if (parser.nextToken() != null) {
                throw new IOException("one value expected, found another document after '---' (give each value its own option)");
            }
            return new YamlDocument(source, 0, node, located.index());
        } catch (JsonProcessingException e) {
            throw new IOException(oneLine(e.getOriginalMessage()), e);
        }
    }

    /**
     * The documents of {@code text}, from the file named {@code file} (JSON when it ends in {@code .json}). A
     * document that is not a mapping is refused, or with {@code skipNonObjects} counted in {@code skipped[0]}.
     *
     * @throws InvalidInputException naming the file and line where the text is not valid YAML or JSON
     */
    static List<YamlDocument> parse(String file, String text, boolean skipNonObjects, int[] skipped) {
        List<YamlDocument> documents = new ArrayList<>();
        boolean json = file.endsWith(".json");
        JsonFactory factory = json ? JSON : yaml();
        try (Reader reader = new StringReader(text); JsonParser parser = factory.createParser(reader)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                }
                int line = parser.currentTokenLocation().getLineNr();
                Map<String, Integer> lines = new HashMap<>();
                LocatedTreeReader located = new LocatedTreeReader(lines);
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
                    ObjectNode item = (ObjectNode) items.get(i);
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

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
