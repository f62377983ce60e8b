package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code explain --port NAME}: the name resolved on the destination pod's container ports, as the API resolves a policy's named port. */
class NamedPortExplainTest {

    private static final String INPUT = "src/test/resources/workflows/named-ports.yaml";

    @Test
    void aPortNameIsTheDestinationsContainerPortOfThatName() {
        CliRun byName = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "http", INPUT);
        assertEquals(0, byName.code(), byName.out() + byName.err());
        assertTrue(byName.out().contains("note: port http of shop/web-0 is 8080/TCP"), byName.out());
        CliRun byNumber = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "8080", INPUT);
        assertEquals(byNumber.out(), byName.out().substring(byName.out().indexOf('\n') + 1), "the same explanation as for the number");
        // metrics (9090) is a port of the pod, but the policy opens only http: denied, as 9090 is.
        CliRun metrics = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "metrics", INPUT);
        assertEquals(1, metrics.code(), metrics.out() + metrics.err());
        assertTrue(metrics.out().contains("9090/TCP"), metrics.out());
    }

    @Test
    void theProtocolComesFromThePortOrMustMatchIt() {
        CliRun udp = CliRun.run("explain", "--from", "shop/web-0", "--to", "shop/web-0", "--port", "dns", INPUT);
        assertTrue(udp.out().contains("is 5353/UDP"), udp.out() + udp.err());
        CliRun wrong = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "http/UDP", INPUT);
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("shop/web-0 has no container port named 'http' for UDP"), wrong.err());
    }

    @Test
    void anUnknownNameIsAnErrorWithTheNamesThePodHas() {
        CliRun r = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "htp", INPUT);
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("shop/web-0 has no container port named 'htp' (did you mean 'http'?); its named ports: http, metrics, dns"), r.err());
        CliRun outside = CliRun.run("explain", "--from", "shop/client", "--to", "203.0.113.9", "--port", "http", INPUT);
        assertEquals(2, outside.code());
        assertTrue(outside.err().contains("203.0.113.9 is an address outside the cluster: give a number"), outside.err());
        CliRun invalid = CliRun.run("explain", "--from", "shop/client", "--to", "shop/web-0", "--port", "Http_1", INPUT);
        assertEquals(2, invalid.code());
        assertTrue(invalid.err().contains("'Http_1' is neither a port number nor a port name"), invalid.err());
    }
}
