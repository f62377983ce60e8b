package dev.esnetpol.catalogue;

/**
 * One row of a spec egress table: {@code component} opens {@code protocol}/{@code port} to pods of
 * {@code destination}. {@code destinationText} keeps the spec's own words ("Admin API", "Rest producer").
 */
public record EgressRow(Component component, String protocol, String destinationText, Component destination,
                        int port, String reason) {

    /** The spec's "Pod Label" column, derived from the destination so the two cannot disagree. */
    public String podLabel() {
        return Labels.NAME + "=" + destination.appName();
    }
}
