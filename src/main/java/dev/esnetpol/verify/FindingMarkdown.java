package dev.esnetpol.verify;

import java.util.List;

/** Findings as a markdown table, for a wiki or a pull request. */
public final class FindingMarkdown {

    private FindingMarkdown() {
    }

    public static String of(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("| Kind | From | To | Connections | Reason | Decided by |\n|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            sb.append("| ").append(f.kind()).append(" | `").append(f.from()).append("` | `").append(f.to()).append("` | ")
                    .append(f.connections()).append(" | ").append(cell(f.reason())).append(" | ")
                    .append(cell(FindingText.where(f) + ": " + String.join("; ", FindingText.because(f)))).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
