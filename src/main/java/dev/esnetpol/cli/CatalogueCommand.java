package dev.esnetpol.cli;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.EgressRow;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.Reconciliations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code es-netpol catalogue}: the spec's tables as es-netpol holds them, the one source of every policy. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        header = "Print the connections of the Event Streams documentation as es-netpol holds them.",
        description = "Print every connection of the Event Streams network-policy documentation as es-netpol holds it: per pod, the ingress rows (origin, port, reason, condition) and the egress rows (destination, pod label, port, reason), and the egress rows that es-netpol also admits at their destination (reconciliations).",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {"  es-netpol catalogue", "  es-netpol catalogue -o json | jq '.ingress[] | select(.port == 9091)'",
                "",
                "Exit codes: 0 printed, 2 usage error."})
public final class CatalogueCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "markdown", paramLabel = "markdown|json",
            description = "Markdown tables in the spec's shape (default), or JSON.")
    Format output;

    enum Format { markdown, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == Format.json ? ObjectWriter.json(asData()) : markdown());
        out.flush();
        return ExitCodes.OK;
    }

    /** The catalogue as markdown: docs/catalogue.md is this text, checked by a test. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("""
                # The catalogue

                Every row of the spec's tables, as `es-netpol catalogue` prints it from
                `src/main/java/dev/esnetpol/catalogue/Catalogue.java` (this page is that output, checked by a test).

                ## Inbound network connections (ingress)
                """);
        for (Component c : Component.values()) {
            List<IngressRow> rows = Catalogue.ingressOf(c);
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("\n### ").append(c.specName()).append(" pod (`").append(c.appName()).append("`)\n\n")
                    .append("| Type | Origin | Port | Reason | Enabled in policy |\n|---|---|---|---|---|\n");
            rows.forEach(r -> sb.append("| ").append(r.protocol()).append(" | ").append(r.originText()).append(" | ")
                    .append(r.port()).append(" | ").append(r.reason()).append(" | ").append(r.condition().specText()).append(" |\n"));
        }
        sb.append("\n## Outbound network connections (egress)\n");
        for (Component c : Component.values()) {
            List<EgressRow> rows = Catalogue.egressOf(c);
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("\n### ").append(c.specName()).append(" pod (`").append(c.appName()).append("`)\n\n")
                    .append("| Type | Destination | Pod Label | Port | Reason |\n|---|---|---|---|---|\n");
            rows.forEach(r -> sb.append("| ").append(r.protocol()).append(" | ").append(r.destinationText()).append(" | ")
                    .append(r.podLabel()).append(" | ").append(r.port()).append(" | ").append(r.reason()).append(" |\n"));
        }
        sb.append("\n## Egress rows also admitted at their destination\n\n")
                .append("No ingress row of the destination admits these; es-netpol does (see `docs/reconciliations.md`).\n\n")
                .append("| Source | Destination | Port | Reason |\n|---|---|---|---|\n");
        Reconciliations.ofCatalogue().forEach(r -> sb.append("| ").append(r.component().specName()).append(" | ")
                .append(r.destination().specName()).append(" | ").append(r.port()).append(" | ").append(r.reason()).append(" |\n"));
        return sb.toString();
    }

    private static Map<String, Object> asData() {
        List<Map<String, Object>> ingress = new ArrayList<>();
        for (IngressRow r : Catalogue.ingress()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", r.component().appName());
            m.put("protocol", r.protocol());
            m.put("origin", r.originText());
            m.put("port", r.port());
            m.put("reason", r.reason());
            m.put("enabled", r.condition().specText());
            ingress.add(m);
        }
        List<Map<String, Object>> egress = new ArrayList<>();
        for (EgressRow r : Catalogue.egress()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", r.component().appName());
            m.put("protocol", r.protocol());
            m.put("destination", r.destination().appName());
            m.put("podLabel", r.podLabel());
            m.put("port", r.port());
            m.put("reason", r.reason());
            m.put("admittedByReconciliation", Reconciliations.ofCatalogue().contains(r));
            egress.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ingress", ingress);
        all.put("egress", egress);
        return all;
    }
}
