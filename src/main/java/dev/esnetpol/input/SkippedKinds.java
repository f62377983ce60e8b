package dev.esnetpol.input;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The objects a command read but does not use (a ConfigMap in a GitOps folder, a Strimzi {@code KafkaTopic},
 * a {@code Kustomization}), counted by kind for one line on standard error instead of an error each: a
 * folder holds whatever its owners keep there.
 */
public final class SkippedKinds {

    private final Map<String, Integer> byKind = new TreeMap<>();
    private int notObjects;
    private final java.util.List<String> templates = new java.util.ArrayList<>();

    /** Counts a document as skipped, under {@code kind (apiVersion group)} when its group tells kinds apart. */
    public void add(YamlDocument doc) {
        String kind = doc.kind().isEmpty() ? "<no kind>" : doc.kind();
        String group = doc.apiVersion().contains("/") ? doc.apiVersion().substring(0, doc.apiVersion().indexOf('/')) : "";
        byKind.merge(group.isEmpty() ? kind : kind + "." + group, 1, Integer::sum);
    }

    /** Counts documents that are not objects at all (a JSON patch is a list, tool output may be a scalar). */
    public void addNotObjects(int n) {
        notObjects += n;
    }

    /** Counts a file passed over because it is a template, not YAML; {@code where} is {@code file:line}. */
    public void addTemplate(String where) {
        templates.add(where);
    }

    public int objects() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> byKind() {
        return Map.copyOf(byKind);
    }

    /** {@code skipped 14 objects of 6 kinds (ConfigMap 3, KafkaTopic.kafka.strimzi.io 2, ...)}, or null when nothing was skipped. */
    public String summary(String command) {
        if (objects() == 0 && notObjects == 0 && templates.isEmpty()) {
            return null;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder();
        if (objects() > 0) {
            sb.append(objects()).append(objects() == 1 ? " object" : " objects").append(" of ").append(byKind.size())
                    .append(byKind.size() == 1 ? " kind" : " kinds").append(" that ").append(command).append(" does not use (")
                    .append(byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(")");
        }
        if (!sb.isEmpty()) {
            parts.add(sb.toString());
        }
        if (notObjects > 0) {
            parts.add(notObjects + (notObjects == 1 ? " document that is not a Kubernetes object" : " documents that are not Kubernetes objects")
                    + " (a patch, a list of values)");
        }
        if (!templates.isEmpty()) {
            parts.add(templates.size() + (templates.size() == 1 ? " template" : " templates") + " that YAML cannot read (render "
                    + (templates.size() == 1 ? "it" : "them") + " first, e.g. helm template): " + String.join(", ", templates));
        }
        return "skipped " + String.join("; ", parts);
    }
}
