package dev.esnetpol.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command explains itself, and refuses options that do not go together before doing anything. */
class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"render", "verify", "explain", "matrix", "review", "operator", "webhook", "catalogue"})
    void everyCommandHasHelpWithExamples(String command) {
        CliRun r = CliRun.run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().skip(1).findFirst().orElse("").startsWith("Usage: es-netpol " + command),
                "a one-sentence header, then the usage: " + r.out());
        assertTrue(r.out().contains("Examples:"), command + " help has no examples");
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.code());
        for (String c : new String[]{"render", "verify", "explain", "matrix", "review", "operator", "webhook", "catalogue"}) {
            assertTrue(r.out().contains("  " + c), "no " + c + " in help");
        }
        assertTrue(r.out().contains("Exit codes:"));
    }

    @Test
    void optionsThatDoNotGoTogetherAreRefused() {
        assertEquals(2, CliRun.run("operator", "--webhook-cert", "a.crt").code(), "a certificate without its key");
        assertEquals(2, CliRun.run("webhook").code(), "neither --cert/--key nor --self-signed");
        assertEquals(2, CliRun.run("webhook", "--self-signed", "--cert", "a", "--key", "b").code(), "both");
        assertEquals(2, CliRun.run("operator", "--on-disable", "maybe").code());
        assertEquals(2, CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml", "--dns-port", "70000").code());
        assertEquals(2, CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml", "--api-server-cidr", "10.0.0.0/40").code());
    }
}
