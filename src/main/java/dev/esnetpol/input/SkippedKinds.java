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

    public int objects() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> byKind() {
        return Map.copyOf(byKind);
    }

    /** {@code skipped 14 objects of 6 kinds (ConfigMap 3, KafkaTopic.kafka.strimzi.io 2, ...)}, or null when nothing was skipped. */
    public String summary(String command) {
        if (objects() == 0 && notObjects == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("skipped ");
        if (objects() > 0) {
            sb.append(objects()).append(objects() == 1 ? " object" : " objects").append(" of ").append(byKind.size())
                    .append(byKind.size() == 1 ? " kind" : " kinds").append(" that ").append(command).append(" does not use (")
                    .append(byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(")");
        }
        if (notObjects > 0) {
            sb.append(objects() > 0 ? " and " : "").append(notObjects).append(notObjects == 1 ? " document" : " documents")
                    .append(" that are not Kubernetes objects (patches, lists)");
        }
        return sb.toString();
    }
}
