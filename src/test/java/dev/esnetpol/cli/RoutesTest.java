package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes and Ingresses as inputs (issue 21 item 4): read strictly, the router or ingress controller shown as a peer of
 * the pods behind them (Service selector, target port by number or name), {@code explain --to ROUTE}, and verify's
 * MISSING for a route whose pods' policies refuse the router.
 */
class RoutesTest {

    static final String DUMP = "examples/openshift-namespace";
    static final String FIXTURES = "src/test/resources/openshift/routes/";

    @Test
    void misspeltRouteAndIngressFieldsAreRefusedWithPathLineAndSuggestion() {
        CliRun r = CliRun.run("matrix", "-f", FIXTURES + "misspelt.yaml");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("misspelt.yaml:5: spec.too: unknown field 'too' (did you mean 'to'?)"), r.err());
        assertTrue(r.err().contains("misspelt.yaml:12: spec.defaultBackend.service.prot: unknown field 'prot' (did you mean 'port'?)"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void renderSkipsRoutesUncheckedAsBefore() {
        // render does not use Routes: one that would be refused where it is read leaves render's output alone.
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-kraft-dualrole.yaml", "-f", FIXTURES + "misspelt.yaml");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void matrixShowsTheRouterReachingThePodsBehindEachRouteOnTheirPorts() {
        CliRun r = CliRun.run("matrix", "-f", DUMP, "-o", "connlist");
        assertEquals(0, r.code(), r.err());
        // By number (the bootstrap Route's targetPort 9094), and through the Service port named https (3000 on the pod).
        assertTrue(r.out().contains("{ingress-controller} => orders/orders-brokers-0[Pod] : TCP 9094\n"), r.out());
        assertTrue(r.out().contains("{ingress-controller} => orders/orders-ibm-es-ui-5f6d7c8b9-p4m2n[Pod] : TCP 3000\n"), r.out());
        assertFalse(r.out().contains("{ingress-controller} => orders/orders-controller-0"), r.out());
    }

    @Test
    void onKubernetesTheIngressControllerIsAdmittedOnlyByRulesForEveryNamespace() {
        CliRun r = CliRun.run("matrix", "-f", FIXTURES + "ingress.yaml", "-o", "connlist");
        assertEquals(0, r.code(), r.err());
        // A named targetPort (http) resolves to the container port; the Service's other port is not the Ingress's.
        assertTrue(r.out().contains("{ingress-controller} => shop/web[Deployment] : TCP 8080\n"), r.out());
        assertFalse(r.out().contains("{ingress-controller} => shop/internal"), r.out());
    }

    @Test
    void explainResolvesARouteToItsPodsAndPort() {
        CliRun allowed = CliRun.run("explain", "--from", "router", "--to", "orders-kafka-external-bootstrap", "-f", DUMP);
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("# Route orders/orders-kafka-external-bootstrap -> orders/orders-brokers-0 9094/TCP"), allowed.out());
        assertTrue(allowed.out().contains("ALLOWED: openshift-ingress/router-default-7d9f8c6b5-h2j4k -> orders/orders-brokers-0 9094/TCP"), allowed.out());

        CliRun denied = CliRun.run("explain", "--from", "router", "--to", "shop/ingress/internal", "-f", FIXTURES + "ingress.yaml");
        assertEquals(1, denied.code(), denied.err());
        assertTrue(denied.out().contains("DENIED: ingress-controller/ingress-controller -> shop/internal 8080/TCP"), denied.out());

        CliRun wrongPort = CliRun.run("explain", "--from", "router", "--to", "orders/route/orders-ibm-es-ui", "--port", "9094", "-f", DUMP);
        assertEquals(2, wrongPort.code(), wrongPort.err());
        assertTrue(wrongPort.err().contains("Route orders/orders-ibm-es-ui leads to no pod on 9094/TCP"), wrongPort.err());

        CliRun noPort = CliRun.run("explain", "--from", "router", "--to", "orders-brokers-0", "-f", DUMP);
        assertEquals(2, noPort.code(), noPort.err());
        assertTrue(noPort.err().contains("--port is required unless --to names a Route or Ingress"), noPort.err());
    }

    @Test
    void explainWithHandWrittenPoliciesThatOmitTheRouterIsDenied() {
        CliRun r = CliRun.run("explain", "--from", "router", "--to", "orders-kafka-external-bootstrap", "--no-render",
                "-f", DUMP + "/pods.yaml", "-f", DUMP + "/namespaces.yaml", "-f", DUMP + "/routes.yaml",
                "-f", FIXTURES + "policies-without-router.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("DENIED: openshift-ingress/router-default-7d9f8c6b5-h2j4k -> orders/orders-brokers-0 9094/TCP"), r.out());
    }

    @Test
    void verifyReportsARouteWhosePodsRefuseTheRouterAsMissing() {
        CliRun clean = CliRun.run("verify", "-f", DUMP + "/resources.yaml", "-f", DUMP + "/routes.yaml");
        assertEquals(0, clean.code(), clean.out() + clean.err());

        CliRun r = CliRun.run("verify", "-f", DUMP + "/resources.yaml", "-f", DUMP + "/routes.yaml",
                "--policies", FIXTURES + "policies-without-router.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("MISSING  openshift-ingress/router-default -> orders/orders-brokers-0  TCP 9094  "
                + "(Route orders/orders-kafka-external-bootstrap: the router forwards its clients to this pod; the policies refuse the router)"), r.out());
        assertTrue(r.out().contains("ingress of orders/orders-brokers-0: isolated by orders/orders-brokers-netpol; no rule admits 9094/TCP"), r.out());
        assertTrue(r.out().contains("1 route port(s) the router cannot reach (MISSING)"), r.out());
        assertFalse(r.out().contains("orders-ibm-es-ui (Route"), "the UI's policy still admits the router: " + r.out());

        CliRun json = CliRun.run("verify", "-o", "json", "-f", DUMP + "/resources.yaml", "-f", DUMP + "/routes.yaml",
                "--policies", FIXTURES + "policies-without-router.yaml");
        assertTrue(json.out().contains("\"routesMissing\"") && json.out().contains("orders/orders-kafka-external-bootstrap"), json.out());
    }

    @Test
    void aNarrowedRouteListenerKeepsTheRouterAdmitted() {
        // The instance's route listener narrowed to one namespace: the rendered policy still admits the router.
        CliRun r = CliRun.run("verify", "-f", FIXTURES + "narrowed-listener.yaml", "-f", DUMP + "/routes.yaml");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("route port(s)"), r.out());
    }

    @Test
    void reviewReportsTheRouteOfADumpWhosePoliciesRefuseTheRouter() {
        CliRun clean = CliRun.run("review", "-n", "orders", "-f", DUMP);
        assertEquals(0, clean.code(), clean.out() + clean.err());
        assertFalse(clean.out().contains("the policies refuse the router"), clean.out());

        CliRun r = CliRun.run("review", "-n", "orders", "-f", DUMP + "/pods.yaml", "-f", DUMP + "/namespaces.yaml",
                "-f", DUMP + "/resources.yaml", "-f", DUMP + "/routes.yaml", "-f", FIXTURES + "policies-without-router.yaml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("MISSING  openshift-ingress/router-default-7d9f8c6b5-h2j4k -> orders/orders-brokers-0  TCP 9094  "
                + "(Route orders/orders-kafka-external-bootstrap"), r.out());
    }
}
