package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod classes of each namespace by label, so that a selector with {@code matchLabels} is tested only against
 * the classes that carry all of them. Without it every peer of every policy is tested against every class of its
 * namespace: with N instances of a product in one namespace, N² tests (verify of 200 instances spent three
 * quarters of its time there). Candidates are then checked with the full selector, so the index only prunes.
 */
final class LabelIndex {

    private final Map<String, List<PodClass>> byNamespace;
    private final Map<String, Map<String, BitSet>> index = new HashMap<>();

    LabelIndex(Map<String, List<PodClass>> byNamespace) {
        this.byNamespace = byNamespace;
    }

    /**
     * The classes of {@code namespace} that could match {@code selector}: those carrying every {@code matchLabels}
     * entry, or, for a selector without {@code matchLabels} (null, empty, expressions only), every class.
     */
    Iterable<PodClass> candidates(String namespace, LabelSelector selector) {
        List<PodClass> all = byNamespace.getOrDefault(namespace, List.of());
        Map<String, String> wanted = selector == null ? null : selector.getMatchLabels();
        if (wanted == null || wanted.isEmpty()) {
            return all;
        }
        Map<String, BitSet> labels = index.computeIfAbsent(namespace, ns -> build(all));
        BitSet found = null;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            BitSet with = labels.get(e.getKey() + "=" + e.getValue());
            if (with == null) {
                return List.of();
            }
            if (found == null) {
                found = (BitSet) with.clone();
            } else {
                found.and(with);
            }
        }
        BitSet positions = found;
        return () -> positions.stream().mapToObj(all::get).iterator();
    }

    /** Per "key=value": the positions, in the namespace's list, of the classes carrying it. */
    private static Map<String, BitSet> build(List<PodClass> all) {
        Map<String, BitSet> labels = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            for (Map.Entry<String, String> l : all.get(i).representative.labels().entrySet()) {
                labels.computeIfAbsent(l.getKey() + "=" + l.getValue(), k -> new BitSet()).set(i);
            }
        }
        return labels;
    }
}
