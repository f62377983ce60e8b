package dev.esnetpol.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The table sets the product documentation's "Network policies" page has had, and the releases that use
 * each ({@code ../shared/spec/versions/versions.md}, "Version -> table set"). Releases 10.1 to 11.7 run
 * ZooKeeper and use the seed's tables (S1); 11.8 to 13.0 run KRaft only and use another set (S2).
 * 10.0's ingress-only set (S0) is out of scope: no supported release uses it.
 */
public enum TableSet {
    /** S1: {@code tables-10.1-11.7.yaml}, the seed page {@code event-streams-network-policies.txt}. */
    ZOOKEEPER("10.1-11.7", List.of("10.1", "10.2", "10.3", "10.4", "10.5", "11.0", "11.1", "11.2", "11.3", "11.4",
            "11.5", "11.6", "11.7")),
    /** S2: {@code tables-11.8-13.0.yaml}: "Kafka broker" and "Kafka controller" tables, no ZooKeeper, no 8091. */
    KRAFT("11.8-13.0", List.of("11.8", "12.0", "12.1", "12.2", "12.3", "13.0"));

    private final String id;
    private final List<String> releases;

    TableSet(String id, List<String> releases) {
        this.id = id;
        this.releases = releases;
    }

    /** The releases' range as the versions note writes it: {@code 10.1-11.7}, {@code 11.8-13.0}. */
    public String id() {
        return id;
    }

    /** The documentation versions (major.minor) whose page has this set. */
    public List<String> releases() {
        return releases;
    }

    /**
     * Reads a table set's id ({@code 11.8-13.0}), its enum name ({@code kraft}), or a release
     * ({@code 11.8}, {@code 12.3.1}, {@code 13.0.0}): the set that release's documentation uses.
     *
     * @return empty when the text names no release from 10.1 to 13.0 and no set
     */
    public static Optional<TableSet> parse(String text) {
        String t = text.trim();
        for (TableSet s : values()) {
            if (s.id.equals(t) || s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        String[] parts = t.split("\\.");
        if (parts.length >= 2) {
            String release = parts[0] + "." + parts[1];
            return Arrays.stream(values()).filter(s -> s.releases.contains(release)).findFirst();
        }
        return Optional.empty();
    }

    /** What {@link #parse} accepts, for error messages and help. */
    public static String accepted() {
        return "a release from 10.1 to 13.0 (e.g. 11.7, 12.3) or a table set (" + ZOOKEEPER.id + ", " + KRAFT.id + ")";
    }
}
