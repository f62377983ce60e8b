package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads the fields of a document tree (a {@link JsonNode} as {@code YamlSources} gives it) into fabric8's model
 * as the Kubernetes API types them, without Jackson's data binding.
 *
 * <p>Why by hand: binding a tree to fabric8's classes builds a Jackson deserializer per class on first use
 * (introspection of every field, annotation proxies, generated accessors), and for the few classes an
 * analysis reads that was 23 % of the main thread's samples in a 100-pod {@code matrix}, more than the
 * analysis (4 %; README, "Start-up"). The model objects are still fabric8's.
 *
 * <p>Types: a number or boolean where a string is expected reads as its text; a string of digits where a whole
 * number is expected as that number, a string {@code true} or {@code false} where a boolean is (the coercions of
 * Jackson's defaults that documents met); an absent field or YAML null is null. Anything else is a problem at the
 * field's path ({@code spec.ingress[0].ports[1].port}), given to the consumer, and the field reads as null:
 * a mapping where a string is expected, a list where a mapping is, and also the rarer coercions Jackson made
 * and the API server does not ({@code 8080.0} for a port, {@code 1} for {@code true}). On every command's path
 * {@code StrictFields} has refused all of these before, with the text the file had.
 *
 * <p>A null item of a list of objects ({@code ingress: [~]}, {@code from: [~]}, {@code ports: [~]},
 * {@code matchExpressions: [~]}) reads as an empty object, as the API server decodes it (Go's JSON decoding
 * leaves a struct at its zero value): an empty rule, peer or port, which validation then judges. Jackson's
 * binding gave null, which the analysis could not read. In a pod, null items are passed over.
 *
 * <p>Fields a type does not have go to the object's {@code additionalProperties}, as plain values, where fabric8
 * keeps them; {@code KubeValidation} refuses those of peers, ipBlocks and selectors, the rest are ignored, as
 * Jackson was told to.
 */
final class TreeFields {

    private final BiConsumer<String, String> problem;

    /** @param problem given the field path and the message of each value of the wrong type */
    TreeFields(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    /**
     * Reads field {@code name} of mapping {@code node} with {@code read} (given the value and its path below
     * {@code path}) and hands it to {@code setter}, only when the field is there, null included: what Jackson's
     * binding did, so an absent list or map keeps fabric8's default (empty) and an explicit null is null.
     */
    <T> void field(JsonNode node, String name, String path, BiFunction<JsonNode, String, T> read, Consumer<T> setter) {
        JsonNode value = node.get(name);
        if (value != null) {
            setter.accept(read.apply(value, path.isEmpty() ? name : path + "." + name));
        }
    }

    /** Reports a problem at {@code path}. */
    void problem(String path, String message) {
        problem.accept(path, message);
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Whether {@code node} is a mapping to read; absent is not, anything else is a problem too. */
    boolean mapping(JsonNode node, String path) {
        if (absent(node)) {
            return false;
        }
        if (!node.isObject()) {
            problem.accept(path, "expected a mapping, found " + describe(node));
            return false;
        }
        return true;
    }

    String string(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        problem.accept(path, "expected a string, found " + describe(node));
        return null;
    }

    Integer integer(JsonNode node, String path) {
        Long value = whole(node, path);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problem.accept(path, "expected a whole number of 32 bits, found " + describe(node));
            return null;
        }
        return value.intValue();
    }

    Long whole(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem.accept(path, "expected a whole number, found " + describe(node));
        return null;
    }

    Boolean bool(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.valueOf(node.asText());
        }
        problem.accept(path, "expected true or false, found " + describe(node));
        return null;
    }

    /** A mapping of strings (labels, annotations); null when absent. */
    Map<String, String> stringMap(JsonNode node, String path) {
        if (!mapping(node, path)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), string(e.getValue(), path + "." + e.getKey()));
        }
        return out;
    }

    List<String> strings(JsonNode node, String path) {
        return list(node, path, this::string);
    }

    /** The items of a list, each read by {@code item} with its path; null when absent. */
    <T> List<T> list(JsonNode node, String path, BiFunction<JsonNode, String, T> item) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            problem.accept(path, "expected a list, found " + describe(node));
            return null;
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(item.apply(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /**
     * The fields of {@code node} that are not in {@code known}, into {@code additional}, as the plain values
     * Jackson's binding keeps there (maps, lists, strings, numbers, booleans, null).
     */
    static void unknown(JsonNode node, Set<String> known, Map<String, Object> additional) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                additional.put(e.getKey(), PlainValues.of(e.getValue()));
            }
        }
    }

    private static final Set<String> META_FIELDS = Set.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    /** {@code ObjectMeta} (managedFields left out: nothing here reads them); null when absent. */
    ObjectMeta meta(JsonNode node, String path) {
        if (!mapping(node, path)) {
            return null;
        }
        ObjectMeta meta = new ObjectMeta();
        field(node, "name", path, this::string, meta::setName);
        field(node, "generateName", path, this::string, meta::setGenerateName);
        field(node, "namespace", path, this::string, meta::setNamespace);
        field(node, "selfLink", path, this::string, meta::setSelfLink);
        field(node, "uid", path, this::string, meta::setUid);
        field(node, "resourceVersion", path, this::string, meta::setResourceVersion);
        field(node, "generation", path, this::whole, meta::setGeneration);
        field(node, "creationTimestamp", path, this::string, meta::setCreationTimestamp);
        field(node, "deletionTimestamp", path, this::string, meta::setDeletionTimestamp);
        field(node, "deletionGracePeriodSeconds", path, this::whole, meta::setDeletionGracePeriodSeconds);
        field(node, "labels", path, this::stringMap, meta::setLabels);
        field(node, "annotations", path, this::stringMap, meta::setAnnotations);
        field(node, "ownerReferences", path, (v, p) -> list(v, p, this::ownerReference), meta::setOwnerReferences);
        field(node, "finalizers", path, this::strings, meta::setFinalizers);
        unknown(node, META_FIELDS, meta.getAdditionalProperties());
        return meta;
    }

    private OwnerReference ownerReference(JsonNode node, String path) {
        if (!mapping(node, path)) {
            return null;
        }
        OwnerReference ref = new OwnerReference();
        field(node, "apiVersion", path, this::string, ref::setApiVersion);
        field(node, "kind", path, this::string, ref::setKind);
        field(node, "name", path, this::string, ref::setName);
        field(node, "uid", path, this::string, ref::setUid);
        field(node, "controller", path, this::bool, ref::setController);
        field(node, "blockOwnerDeletion", path, this::bool, ref::setBlockOwnerDeletion);
        unknown(node, OWNER_REFERENCE_FIELDS, ref.getAdditionalProperties());
        return ref;
    }

    private static final Set<String> OWNER_REFERENCE_FIELDS = Set.of("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion");
    private static final Set<String> SELECTOR_FIELDS = Set.of("matchLabels", "matchExpressions");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("key", "operator", "values");

    /** A {@code LabelSelector}; null when absent. */
    LabelSelector selector(JsonNode node, String path) {
        if (!mapping(node, path)) {
            return null;
        }
        LabelSelector selector = new LabelSelector();
        field(node, "matchLabels", path, this::stringMap, selector::setMatchLabels);
        field(node, "matchExpressions", path, (v, p) -> list(v, p, this::requirement), selector::setMatchExpressions);
        unknown(node, SELECTOR_FIELDS, selector.getAdditionalProperties());
        return selector;
    }

    private LabelSelectorRequirement requirement(JsonNode node, String path) {
        LabelSelectorRequirement r = new LabelSelectorRequirement();
        if (!mapping(node, path)) {
            return r;
        }
        field(node, "key", path, this::string, r::setKey);
        field(node, "operator", path, this::string, r::setOperator);
        field(node, "values", path, this::strings, r::setValues);
        unknown(node, REQUIREMENT_FIELDS, r.getAdditionalProperties());
        return r;
    }

    /** What a value is, for a message: {@code a mapping}, {@code a list}, {@code a number (5)}. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        String what = node.isBoolean() ? "a boolean" : node.isNumber() ? "a number" : node.isNull() ? "null" : "a string";
        return node.isNull() || node.asText().isEmpty() ? what : what + " (" + node.asText() + ")";
    }
}
