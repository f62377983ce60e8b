package dev.esnetpol.kube;

import java.util.List;

/**
 * The messages es-netpol prints about input and verdicts, each written once: the code that reports a problem and
 * the tests that expect it call the same method, so a message cannot drift between the places that print it
 * (render, the webhook, the operator's status, the analyzer's explanations) or between code and tests.
 */
public final class Messages {

    private Messages() {
    }

    /** A port outside 1-65535 (a listener, an endpoint, a NetworkPolicy port, a command-line option). */
    public static String portOutOfRange(long port) {
        return "port " + port + " is out of range 1-65535";
    }

    /** A text that is not {@code address/prefix}; {@code why} says what is wrong, or is null. */
    public static String notACidr(String text, String why) {
        return "'" + text + "' is not a CIDR" + (why == null ? " (expected address/prefix, e.g. 10.0.0.0/8)" : ": " + why);
    }

    /** A label selector requirement with an operator the API does not have. */
    public static String unknownOperator(String operator) {
        return "unknown operator '" + operator + "' (expected one of In, NotIn, Exists, DoesNotExist)";
    }

    /** A label key whose name part breaks the API server's rule. */
    public static String invalidLabelKey(String key) {
        return "invalid label key '" + key + "' (name part: 1-63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)";
    }

    /** A label value that breaks the API server's rule. */
    public static String invalidLabelValue(String value) {
        return "invalid label value '" + value + "' (at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)";
    }

    /** The analyzer's verdict on a side no policy isolates. */
    public static String notIsolated(boolean ingress) {
        return "no policy selects it for " + (ingress ? "ingress" : "egress") + ": everything allowed";
    }

    /** The analyzer's verdict on an isolated side that no rule opens for the connection. */
    public static String noRuleAdmits(List<String> isolatingPolicies, int port, String protocol) {
        return "isolated by " + String.join(", ", isolatingPolicies) + "; no rule admits " + port + "/" + protocol;
    }
}
