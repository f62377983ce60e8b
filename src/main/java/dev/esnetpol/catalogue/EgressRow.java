package dev.esnetpol.catalogue;

/**
 * One row of a documented egress table: {@code component} opens {@code protocol}/{@code port} to pods of
 * {@code destination}. {@code destinationText} keeps the page's own words ("Admin API", "Rest producer"),
 * {@code podLabel} its "Pod Label" column ({@code app.kubernetes.io/name=kafka} in 10.1-11.7;
 * {@code app.kubernetes.io/name=kafka,eventstreams.ibm.com/controller-role=true} for a controller in 11.8-13.0).
 */
public record EgressRow(Component component, String protocol, String destinationText, Component destination,
                        String podLabel, int port, String reason) {
}
