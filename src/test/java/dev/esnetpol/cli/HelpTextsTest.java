package dev.esnetpol.cli;

import dev.esnetpol.model.ResourceReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help texts checked against what exists: every option they name, every apiVersion render reads. */
class HelpTextsTest {

    /** Options of other tools that help examples name, in pipes: np-guard's netpol-analyzer. */
    private static final Set<String> OTHER_TOOLS = Set.of("--dirpath");

    @ParameterizedTest
    @ValueSource(strings = {"render", "verify", "explain", "matrix", "review", "catalogue", "operator", "webhook"})
    void everyOptionAHelpTextNamesIsAVisibleOptionOfItsCommand(String command) {
        CommandLine cli = Main.newCommandLine(command).getSubcommands().get(command);
        String help = CliRun.run(command, "--help").out();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(help);
        while (m.find()) {
            String name = m.group();
            CommandLine.Model.OptionSpec option = cli.getCommandSpec().findOption(name);
            assertTrue(OTHER_TOOLS.contains(name) || (option != null && !option.hidden()),
                    command + " --help names " + name + ", which is no visible option of " + command);
        }
    }

    @Test
    void renderHelpNamesEveryApiVersionItReads() {
        String help = CliRun.run("render", "--help").out().replaceAll("\\s+", " ");
        ResourceReader.API_VERSIONS.forEach((kind, versions) -> {
            assertTrue(help.contains(kind), kind);
            for (String v : versions) {
                assertTrue(help.contains(v.substring(v.indexOf('/') + 1)), "render --help does not name " + v + " of " + kind);
            }
        });
        for (String absent : List.of("(v1beta2)")) {
            assertTrue(!help.contains(absent), help);
        }
    }
}
