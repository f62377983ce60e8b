package dev.esnetpol.operator;

import java.util.List;

/** What one reconcile did to the policies of one resource. */
record ApplyResult(List<String> created, List<String> updated, List<String> deleted, List<String> unchanged,
                   List<String> foreign, int driftRepairs) {

    List<String> applied() {
        List<String> all = new java.util.ArrayList<>(created);
        all.addAll(updated);
        all.addAll(unchanged);
        all.sort(String::compareTo);
        return all;
    }

    boolean wrote() {
        return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }
}
