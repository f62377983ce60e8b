package dev.esnetpol.cli;

import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.EgressRow;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.TableSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code es-netpol catalogue}: the spec's tables as es-netpol holds them, the one source of every policy. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        header = "Print the connections of the Event Streams documentation as es-netpol holds them.",
        description = "Print every connection of the Event Streams network-policy documentation as es-netpol holds it: per pod, the ingress rows (origin, port, reason, condition) and the egress rows (destination, pod label, port, reason), and the egress rows that es-netpol also admits at their destination (reconciliations).",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {"  es-netpol catalogue", "  es-netpol catalogue --tables 12.3", "  es-netpol catalogue -o json | jq '.tableSets[].ingress[] | select(.port == 9091)'",
                "",
                "Exit codes: 0 printed, 2 usage error."})
public final class CatalogueCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "markdown", paramLabel = "markdown|json",
            description = "Markdown tables in the spec's shape (default), or JSON.")
    Format output;

    @picocli.CommandLine.Mixin
    OutputFileOption outputFile;

    @Option(names = "--tables", paramLabel = "RELEASE|SET",
            description = "Only the table set of this release (10.1 to 13.0, e.g. 11.7 or 12.3) or set (10.1-11.7, 11.8-13.0); "
                    + "default: every set.")
    String tables;

    enum Format { markdown, json }

    @Override
    public Integer call() {
        List<TableSet> sets;
        if (tables == null) {
            sets = List.of(TableSet.values());
        } else {
            Optional<TableSet> set = TableSet.parse(tables);
            if (set.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--tables: '" + tables + "' is not " + TableSet.accepted());
            }
            sets = List.of(set.get());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == Format.json) {
            // One shape whatever --tables says (a list of one set, or of all), so one jq program reads both.
            out.print(ObjectWriter.json(Map.of("tableSets", sets.stream().map(CatalogueCommand::asData).toList())));
        } else {
            out.print(sets.size() == 1 ? markdown(sets.get(0)) : markdown());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Every table set as markdown: docs/catalogue.md is this text, checked by a test. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("""
                # The catalogue

                Every row of every documented table set, as `es-netpol catalogue` prints it from
                `src/main/java/dev/esnetpol/catalogue/` (this page is that output, checked by a test).
                Which set an instance uses: `docs/generator.md`.
                """);
        for (TableSet set : TableSet.values()) {
            sb.append('\n').append(markdown(set).replaceAll("(?m)^#", "##"));
        }
        return sb.toString();
    }

    /** One table set as markdown. */
    public static String markdown(TableSet set) {
        Catalogue catalogue = Catalogue.of(set);
        StringBuilder sb = new StringBuilder("# Table set " + set.id() + " (releases " + String.join(", ", set.releases()) + ")\n\n"
                + "## Inbound network connections (ingress)\n");
        for (Component c : Component.values()) {
            List<IngressRow> rows = catalogue.ingressOf(c);
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("\n### ").append(catalogue.pageName(c)).append(" pod (`").append(c.appName()).append("`)\n\n")
                    .append("| Type | Origin | Port | Reason | Enabled in policy |\n|---|---|---|---|---|\n");
            rows.forEach(r -> sb.append("| ").append(r.protocol()).append(" | ").append(r.originText()).append(" | ")
                    .append(r.port()).append(" | ").append(r.reason()).append(" | ").append(r.condition().specText()).append(" |\n"));
        }
        sb.append("\n## Outbound network connections (egress)\n");
        for (Component c : Component.values()) {
            List<EgressRow> rows = catalogue.egressOf(c);
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("\n### ").append(catalogue.pageName(c)).append(" pod (`").append(c.appName()).append("`)\n\n")
                    .append("| Type | Destination | Pod Label | Port | Reason |\n|---|---|---|---|---|\n");
            rows.forEach(r -> sb.append("| ").append(r.protocol()).append(" | ").append(r.destinationText()).append(" | ")
                    .append(r.podLabel()).append(" | ").append(r.port()).append(" | ").append(r.reason()).append(" |\n"));
        }
        sb.append("\n## Egress rows also admitted at their destination\n\n")
                .append("No ingress row of the destination admits these; es-netpol does (see `docs/reconciliations.md`).\n\n")
                .append("| Source | Destination | Port | Reason |\n|---|---|---|---|\n");
        catalogue.reconciliations().forEach(r -> sb.append("| ").append(catalogue.pageName(r.component())).append(" | ")
                .append(catalogue.pageName(r.destination())).append(" | ").append(r.port()).append(" | ").append(r.reason()).append(" |\n"));
        return sb.toString();
    }

    private static Map<String, Object> asData(TableSet set) {
        Catalogue catalogue = Catalogue.of(set);
        List<Map<String, Object>> ingress = new ArrayList<>();
        for (IngressRow r : catalogue.ingress()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", catalogue.pageName(r.component()));
            m.put("podName", r.component().appName());
            m.put("protocol", r.protocol());
            m.put("origin", r.originText());
            m.put("port", r.port());
            m.put("reason", r.reason());
            m.put("enabled", r.condition().specText());
            ingress.add(m);
        }
        List<EgressRow> reconciled = catalogue.reconciliations();
        List<Map<String, Object>> egress = new ArrayList<>();
        for (EgressRow r : catalogue.egress()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", catalogue.pageName(r.component()));
            m.put("podName", r.component().appName());
            m.put("protocol", r.protocol());
            m.put("destination", catalogue.pageName(r.destination()));
            m.put("podLabel", r.podLabel());
            m.put("port", r.port());
            m.put("reason", r.reason());
            m.put("admittedByReconciliation", reconciled.contains(r));
            egress.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tables", set.id());
        all.put("releases", set.releases());
        all.put("ingress", ingress);
        all.put("egress", egress);
        return all;
    }
}
