package dev.esnetpol.cli;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.regex.Pattern;

/**
 * Which strings the YAML es-netpol prints must be quoted so that kubectl reads them back as strings. Jackson's
 * checker quotes the YAML 1.1 booleans and null, but writes {@code 10}, {@code 1.10}, {@code 12e4} or
 * {@code 0x1F} plain: kubectl's reader (go-yaml v2, resolve.go) makes numbers of those, and the API server
 * refuses a number where a label value belongs, so {@code render | kubectl apply -f -} failed on a namespace
 * label {@code team=10}. Anything go-yaml v2 would read as a number is quoted here; quoting more is harmless.
 */
final class KubectlQuoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;

    /**
     * go-yaml v2 drops underscores, then tries Go's {@code strconv.ParseInt(s, 0, 64)} (sign, {@code 0x}, {@code 0o},
     * {@code 0b}, a leading {@code 0} for octal, decimal), then its float pattern, then {@code .inf} and {@code .nan}.
     */
    private static final Pattern INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || readAsNumber(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || readAsNumber(name);
    }

    /** Whether kubectl's reader takes this plain scalar for a number. */
    static boolean readAsNumber(String text) {
        String plain = text.replace("_", "");
        return !plain.isEmpty() && (INT.matcher(plain).matches() || FLOAT.matcher(plain).matches() || SPECIAL.matcher(plain).matches());
    }
}
