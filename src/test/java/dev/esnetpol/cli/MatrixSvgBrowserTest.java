package dev.esnetpol.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code matrix -o svg} of the production namespace snapshot, opened in headless Chromium (as the review
 * report's browser test does): the browser draws every workload inside the namespace's box, and a screenshot is
 * taken (ES_NETPOL_UPDATE_SCREENSHOT=1 copies it to docs/matrix-es-prod.png).
 */
class MatrixSvgBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void theSvgOfTheProductionSnapshotRendersGroupedByNamespace(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("matrix", "-o", "svg", "--exposure", "examples/es-prod-namespace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<g class=\"group\" data-name=\"es-prod\">"), r.out().substring(0, 300));
        assertTrue(r.out().contains("class=\"node exposure\""), "the exposure peers are drawn");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it): " + CHROMIUM);
        Path svg = dir.resolve("matrix.svg");
        Files.writeString(svg, r.out());
        // The page scripts nothing: the DOM the browser built from the file is read back.
        String dom = chromium(dir, "--dump-dom", svg.toUri().toString());
        long workloads = dom.lines().filter(l -> l.contains("<g class=\"node\" data-name=\"es-prod/")).count();
        assertTrue(workloads >= 10, "workloads drawn: " + workloads);
        Path png = dir.resolve("matrix.png");
        chromium(dir, "--screenshot=" + png, "--window-size=1600,1000", svg.toUri().toString());
        assertTrue(Files.size(png) > 20_000, "screenshot too small to show the picture: " + Files.size(png));
        if ("1".equals(System.getenv("ES_NETPOL_UPDATE_SCREENSHOT"))) {
            Files.copy(png, Path.of("docs/matrix-es-prod.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String chromium(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }
}
