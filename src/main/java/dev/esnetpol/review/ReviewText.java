package dev.esnetpol.review;

import java.util.List;

/** The report for a terminal (aligned tables) and for a wiki (markdown). */
public final class ReviewText {

    private ReviewText() {
    }

    public static String text(ReviewReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Review of namespace ").append(r.namespace()).append(" (").append(r.source()).append("), installations: ")
                .append(String.join(", ", r.installations())).append('\n');
        sb.append('\n').append(r.summary()).append('\n');
        for (ReviewFinding f : r.findings()) {
            sb.append(String.format("  %-8s %s: %s%n", f.kind(), f.subject(), f.message()));
            f.details().forEach(d -> sb.append("           ").append(d).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            r.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
        }
        for (ReviewReport.PodTable t : r.tables()) {
            sb.append("\n").append(t.pod()).append(" (").append(t.component()).append(")\n");
            table(sb, "  ingress", "Origin", t.ingress());
            table(sb, "  egress", "Destination", t.egress());
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, String peerHeading, List<ReviewReport.Row> rows) {
        int w = peerHeading.length();
        int r = "Reason".length();
        for (ReviewReport.Row row : rows) {
            w = Math.max(w, row.peer().length());
            r = Math.max(r, row.reason().length());
        }
        sb.append(title).append(":\n");
        String fmt = "    %-5s %-" + w + "s %-6s %-" + r + "s %s%n";
        sb.append(String.format(fmt, "Type", peerHeading, "Port", "Reason", "Enabled in policy"));
        for (ReviewReport.Row row : rows) {
            sb.append(String.format(fmt, row.type(), row.peer(), row.port(), row.reason(), row.enabled()));
        }
    }

    public static String markdown(ReviewReport r) {
        StringBuilder sb = new StringBuilder("# Network policy review: ").append(r.namespace()).append("\n\n")
                .append("Source: ").append(r.source()).append(". Installations: ").append(String.join(", ", r.installations())).append(".\n\n");
        sb.append("## Findings\n\n").append(r.summary()).append("\n\n");
        for (ReviewFinding f : r.findings()) {
            sb.append("- **").append(f.kind()).append("** `").append(f.subject()).append("`: ").append(f.message()).append('\n');
            f.details().forEach(d -> sb.append("  - ").append(d).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        for (ReviewReport.PodTable t : r.tables()) {
            sb.append("\n## ").append(t.pod()).append(" (").append(t.component()).append(")\n\n");
            md(sb, "Origin", t.ingress());
            md(sb, "Destination", t.egress());
        }
        return sb.toString();
    }

    private static void md(StringBuilder sb, String peer, List<ReviewReport.Row> rows) {
        sb.append("| Type | ").append(peer).append(" | Port | Reason | Enabled in policy |\n|---|---|---|---|---|\n");
        for (ReviewReport.Row row : rows) {
            sb.append("| ").append(row.type()).append(" | ").append(row.peer()).append(" | ").append(row.port()).append(" | ")
                    .append(row.reason()).append(" | ").append(row.enabled()).append(" |\n");
        }
        sb.append('\n');
    }
}
