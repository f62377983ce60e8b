package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A label selector as a set of requirements ({@code matchLabels} {@code k: v} read as {@code k in (v)}, the
 * API's own equivalence), each with its values sorted, so that two selectors written differently but meaning
 * the same are equal. Used by exposure analysis to say which selector would match a pod that is not in the
 * input, and whether one selector certainly covers another.
 *
 * <p>"Covers" is decided on the requirements as written: {@code a} covers {@code b} when every requirement
 * of {@code a} is one of {@code b}'s, so every pod {@code b} selects, {@code a} selects. Implications that
 * need reasoning over values ({@code !app} implies {@code app notin (x)}) are not drawn: the answer errs
 * towards reporting a peer separately, never towards hiding one (np-guard's netpol-analyzer draws none either).
 */
public record SelectorTerms(SortedSet<Term> terms) {

    /** One requirement: {@code operator} is In, NotIn, Exists or DoesNotExist (the API's words). */
    public record Term(String key, String operator, List<String> values) implements Comparable<Term> {

        @Override
        public int compareTo(Term o) {
            int c = key.compareTo(o.key);
            if (c != 0) {
                return c;
            }
            c = operator.compareTo(o.operator);
            return c != 0 ? c : String.join(",", values).compareTo(String.join(",", o.values));
        }

        /** Kubernetes' selector syntax ({@code kubectl -l}): {@code k=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}. */
        public String text() {
            return switch (operator) {
                case "In" -> values.size() == 1 ? key + "=" + values.get(0) : key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                default -> "!" + key;
            };
        }
    }

    /** Matches everything. */
    public static final SelectorTerms EVERYTHING = new SelectorTerms(new TreeSet<>());

    public SelectorTerms {
        terms = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(terms));
    }

    /** The terms of a selector; null (absent) and {} both match everything. */
    public static SelectorTerms of(LabelSelector selector) {
        SortedSet<Term> out = new TreeSet<>();
        if (selector != null) {
            if (selector.getMatchLabels() != null) {
                selector.getMatchLabels().forEach((k, v) -> out.add(new Term(k, "In", List.of(v))));
            }
            if (selector.getMatchExpressions() != null) {
                for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                    List<String> values = new ArrayList<>(r.getValues() == null ? List.of() : r.getValues());
                    values.sort(null);
                    out.add(new Term(r.getKey(), r.getOperator(), List.copyOf(new TreeSet<>(values))));
                }
            }
        }
        return new SelectorTerms(out);
    }

    public boolean isEverything() {
        return terms.isEmpty();
    }

    /** Whether every pod (namespace) these terms select is selected by {@code this}: see the class comment. */
    public boolean covers(SelectorTerms other) {
        return other.terms.containsAll(terms);
    }

    /** Whether labels satisfy every term. */
    public boolean matches(Map<String, String> labels) {
        for (Term t : terms) {
            String v = labels.get(t.key());
            boolean ok = switch (t.operator()) {
                case "In" -> v != null && t.values().contains(v);
                case "NotIn" -> v == null || !t.values().contains(v);
                case "Exists" -> v != null;
                default -> v == null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The labels a pod must carry exactly, when every term is one value of one key (what {@code matchLabels}
     * writes); null otherwise.
     */
    public Map<String, String> exactLabels() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Term t : terms) {
            if (!t.operator().equals("In") || t.values().size() != 1) {
                return null;
            }
            out.put(t.key(), t.values().get(0));
        }
        return out;
    }

    /**
     * The fewest labels that satisfy every term: a key a term requires gets the first value of its {@code In} terms
     * that no {@code NotIn} term of the key refuses ({@code Exists} alone: {@code placeholder}, or a value of the key's
     * {@code NotIn}-free choice), and no other key is set, so {@code NotIn} and {@code DoesNotExist} terms hold. Such a
     * pod (namespace) is one of those the terms select and carries nothing that another selector could single out.
     *
     * @param placeholder the value given to a key that must only exist
     * @return the labels, or empty when no labels satisfy the terms ({@code app in (a)} with {@code !app})
     */
    public java.util.Optional<Map<String, String>> witness(String placeholder) {
        Map<String, String> out = new java.util.TreeMap<>();
        Map<String, List<Term>> byKey = new java.util.TreeMap<>();
        terms.forEach(t -> byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t));
        for (Map.Entry<String, List<Term>> e : byKey.entrySet()) {
            java.util.Set<String> refused = new java.util.HashSet<>();
            List<String> allowed = null;
            boolean required = false;
            for (Term t : e.getValue()) {
                switch (t.operator()) {
                    case "In" -> {
                        required = true;
                        allowed = allowed == null ? new ArrayList<>(t.values()) : new ArrayList<>(allowed.stream().filter(t.values()::contains).toList());
                    }
                    case "NotIn" -> refused.addAll(t.values());
                    case "Exists" -> required = true;
                    default -> { }
                }
            }
            if (!required) {
                continue;
            }
            java.util.Optional<String> value = allowed != null ? allowed.stream().filter(v -> !refused.contains(v)).findFirst()
                    : java.util.stream.Stream.iterate(placeholder, v -> v + "-x").filter(v -> !refused.contains(v)).findFirst();
            if (value.isEmpty()) {
                return java.util.Optional.empty();
            }
            out.put(e.getKey(), value.get());
        }
        return matches(out) ? java.util.Optional.of(out) : java.util.Optional.empty();
    }

    /** {@code {app=a,tier in (x,y)}}. */
    public String text() {
        return "{" + String.join(",", terms.stream().map(Term::text).toList()) + "}";
    }
}
