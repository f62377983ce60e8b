package dev.esnetpol.input;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the plain (unquoted, untagged) words of a YAML file are typed: which are booleans, and what a boolean key
 * becomes. Every YAML es-netpol reads (files, standard input, {@code --metrics-from} peers) is read one way,
 * the one in force on the reading thread ({@link #current()}, set for a whole command by {@link #use()}).
 */
public enum YamlReading {

    /**
     * As kubectl reads YAML, the default: sigs.k8s.io/yaml over go-yaml v2, a YAML 1.1 reader. Its resolve table
     * (gopkg.in/yaml.v2 resolve.go) makes the unquoted {@code y Y yes Yes YES on On ON true True TRUE} true and
     * {@code n N no No NO off Off OFF false False FALSE} false; sigs.k8s.io/yaml turns a boolean key into the
     * string {@code "true"} or {@code "false"} (yaml.go, convertToJSONableObject). What kubectl sends is what the
     * API server judges: {@code hostNetwork: y} is true, a label value {@code y} is refused.
     */
    KUBECTL("kubectl", "kubectl",
            Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"),
            Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE")),

    /**
     * As a YAML 1.2 reader (core schema, yaml.org/spec/1.2.2 section 10.3.2): only {@code true True TRUE} and
     * {@code false False FALSE} are booleans; {@code y}, {@code yes}, {@code on} and the rest are strings, keys
     * included. For files written for such a reader (a test suite's clusters, say) that kubectl could not apply.
     */
    YAML_1_2("1.2", "a YAML 1.2 reader",
            Set.of("true", "True", "TRUE"),
            Set.of("false", "False", "FALSE"));

    private static final ThreadLocal<YamlReading> CURRENT = ThreadLocal.withInitial(() -> KUBECTL);

    private final String id;
    private final String reader;
    private final Set<String> trueWords;
    private final Set<String> falseWords;

    YamlReading(String id, String reader, Set<String> trueWords, Set<String> falseWords) {
        this.id = id;
        this.reader = reader;
        this.trueWords = trueWords;
        this.falseWords = falseWords;
    }

    /**
     * What the reading in force made of a word that is now a boolean, for a message where a string belongs:
     * {@code kubectl reads y as the boolean true}. Null when the word is what the value reads ({@code true}),
     * or its text was not kept (JSON from the API server).
     */
    public static String madeBoolean(String text, boolean value) {
        return text == null || text.equals(String.valueOf(value)) ? null : current().reader + " reads " + text + " as the boolean " + value;
    }

    /** The name on the command line ({@code --yaml kubectl|1.2}). */
    public String id() {
        return id;
    }

    /** Who reads this way, for messages ("kubectl reads y as the boolean true"). */
    public String reader() {
        return reader;
    }

    /** The boolean a plain word is, or null when it is no boolean to this reader. */
    public Boolean booleanOf(String plain) {
        return trueWords.contains(plain) ? Boolean.TRUE : falseWords.contains(plain) ? Boolean.FALSE : null;
    }

    /** What a plain key becomes: {@code "true"} or {@code "false"} for a boolean key as kubectl reads, else itself. */
    public String keyOf(String plain) {
        if (this != KUBECTL) {
            return plain;
        }
        Boolean b = booleanOf(plain);
        return b == null ? plain : b.toString();
    }

    /** The reading named {@code id} ({@link #id()}). */
    public static YamlReading parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "expected one of " + Arrays.stream(values()).map(YamlReading::id).collect(Collectors.joining(", ")) + ", found '" + id + "'"));
    }

    /** The reading in force on this thread: {@link #KUBECTL} unless a {@link #use()} says otherwise. */
    public static YamlReading current() {
        return CURRENT.get();
    }

    /** Makes this the reading of this thread until the scope is closed, when the previous one is back. */
    public Scope use() {
        YamlReading previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** A {@link #use()} to close, without a checked exception. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
