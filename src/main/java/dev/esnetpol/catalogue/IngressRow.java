package dev.esnetpol.catalogue;

/**
 * One row of a spec ingress table: {@code component} accepts {@code protocol}/{@code port} from
 * {@code origin} when {@code condition} holds. {@code originText} keeps the spec's own words for the
 * tables es-netpol prints and for the test that compares the catalogue with the spec.
 */
public record IngressRow(Component component, String protocol, String originText, Origin origin, int port,
                         String reason, Condition condition) {

    /** How reports name this row: {@code kafka:9091 (Broker communication)}. */
    public String label() {
        return component.appName() + ":" + port + " (" + reason + ")";
    }
}
