package dev.esnetpol.input;

import dev.esnetpol.kube.Suggestions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Did you mean": close names suggested, closest first; nothing when nothing is close. */
class SuggestionsTest {

    private static final List<String> RULE = List.of("from", "ports");
    private static final List<String> PORT = List.of("protocol", "port", "endPort");
    private static final List<String> SPEC = List.of("podSelector", "policyTypes", "ingress", "egress");

    @Test
    void misspellingsOfTheIssue() {
        assertEquals(List.of("ingress"), Suggestions.closest("ingres", SPEC));
        assertEquals(List.of("from"), Suggestions.closest("froms", RULE));
        assertEquals(List.of("ports"), Suggestions.closest("port", RULE));
        assertEquals(List.of("protocol", "port"), Suggestions.closest("prot", PORT));
        assertEquals(List.of("podSelector"), Suggestions.closest("podSelecter", SPEC));
    }

    @Test
    void nothingCloseNothingSuggested() {
        assertEquals(List.of(), Suggestions.closest("replicas", SPEC));
        assertEquals("", Suggestions.didYouMean("x", SPEC));
        assertEquals(" (did you mean 'egress'?)", Suggestions.didYouMean("egres", SPEC));
    }
}
