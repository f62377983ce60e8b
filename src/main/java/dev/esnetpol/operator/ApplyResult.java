package dev.esnetpol.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile did to the policies of one resource. {@code adopted} are policies es-netpol had labelled
 * but no resource controlled (rendered and applied before the resource existed, or an owner reference removed
 * by hand): they are among {@code updated}, their owner reference added in that write.
 */
record ApplyResult(List<String> created, List<String> updated, List<String> deleted, List<String> unchanged,
                   List<String> foreign, List<String> adopted, int driftRepairs) {

    List<String> applied() {
        List<String> all = new ArrayList<>(created);
        all.addAll(updated);
        all.addAll(unchanged);
        all.sort(String::compareTo);
        return all;
    }

    boolean wrote() {
        return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }

    /** For the log: "created 2 (a, b); updated 1 (c), of which adopted 1 (c); deleted 0", only the verbs that happened. */
    String summary() {
        List<String> parts = new ArrayList<>();
        part(parts, "created", created);
        part(parts, "updated", updated);
        part(parts, "adopted", adopted);
        part(parts, "deleted", deleted);
        if (driftRepairs > 0) {
            parts.add(driftRepairs + " of them repaired after a hand edit or deletion");
        }
        return String.join("; ", parts);
    }

    private static void part(List<String> parts, String verb, List<String> names) {
        if (!names.isEmpty()) {
            parts.add(verb + " " + String.join(", ", names));
        }
    }
}
