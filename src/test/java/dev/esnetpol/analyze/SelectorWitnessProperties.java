package dev.esnetpol.analyze;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SelectorTerms#witness}: the labels it gives satisfy the terms, and it gives none only when no labels over
 * the terms' keys and values (and the placeholder) satisfy them, checked against every such label set.
 */
class SelectorWitnessProperties {

    private static final List<String> KEYS = List.of("a", "b");
    private static final List<String> VALUES = List.of("x", "y");

    @Provide
    Arbitrary<SelectorTerms> terms() {
        Arbitrary<SelectorTerms.Term> term = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of("In", "NotIn", "Exists", "DoesNotExist"),
                Arbitraries.of(VALUES).set().ofMinSize(1).ofMaxSize(2)).as((k, op, vs) ->
                new SelectorTerms.Term(k, op, op.equals("In") || op.equals("NotIn") ? List.copyOf(new TreeSet<>(vs)) : List.of()));
        return term.list().ofMaxSize(4).map(l -> new SelectorTerms(new TreeSet<>(l)));
    }

    @Property(tries = 300)
    void theWitnessSatisfiesTheTermsAndExistsWheneverLabelsDo(@ForAll("terms") SelectorTerms terms) {
        Optional<Map<String, String>> w = terms.witness("p");
        w.ifPresent(labels -> assertTrue(terms.matches(labels), terms.text() + " " + labels));
        boolean any = false;
        for (Map<String, String> labels : everyLabelSet()) {
            any |= terms.matches(labels);
        }
        assertEquals(any, w.isPresent(), terms.text());
    }

    /** Every assignment of the keys to a value, the placeholder or nothing. */
    private static List<Map<String, String>> everyLabelSet() {
        List<String> choices = new ArrayList<>(VALUES);
        choices.add("p");
        choices.add(null);
        List<Map<String, String>> out = new ArrayList<>();
        for (String a : choices) {
            for (String b : choices) {
                Map<String, String> m = new HashMap<>();
                if (a != null) {
                    m.put("a", a);
                }
                if (b != null) {
                    m.put("b", b);
                }
                out.add(m);
            }
        }
        return out;
    }
}
