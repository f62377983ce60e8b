package dev.esnetpol.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables of {@code event-streams-network-policies.txt} as the product page prints them: a
 * heading line ("Kafka pod"), then one cell per line, each ending in {@code " |"}, the header cells first.
 * Independent of the catalogue on purpose, so that the test comparing the two can fail.
 */
final class SpecTables {

    /** One table: the section (ingress or egress), the heading, and its rows of cells. */
    record Table(String section, String heading, List<String> header, List<List<String>> rows) {
    }

    private SpecTables() {
    }

    static List<Table> read(Path spec) throws IOException {
        List<String> lines = Files.readAllLines(spec);
        List<Table> tables = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("Inbound network connections")) {
                section = "ingress";
            } else if (line.startsWith("Outbound network connections")) {
                section = "egress";
            }
            if (!line.endsWith("|") && i + 1 < lines.size() && lines.get(i + 1).trim().equals("Type |")) {
                List<String> cells = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && lines.get(j).trim().endsWith("|")) {
                    String cell = lines.get(j).trim();
                    cells.add(cell.substring(0, cell.length() - 1).trim());
                    j++;
                }
                int width = 5; // both tables have five columns
                List<String> header = cells.subList(0, width);
                List<List<String>> rows = new ArrayList<>();
                if ((cells.size() - width) % width != 0) {
                    throw new IllegalStateException("table '" + line + "' has " + cells.size() + " cells, not a multiple of " + width);
                }
                for (int k = width; k < cells.size(); k += width) {
                    rows.add(List.copyOf(cells.subList(k, k + width)));
                }
                tables.add(new Table(section, line, List.copyOf(header), rows));
                i = j - 1;
            }
        }
        return tables;
    }
}
