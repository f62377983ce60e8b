package dev.esnetpol.review;

import dev.esnetpol.generate.GeneratorOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report opened in headless Chromium (Debian's package, which .ci/run installs): what the browser
 * laid out is read back from the page and checked, and a screenshot is taken. Set ES_NETPOL_UPDATE_SCREENSHOT=1
 * to refresh docs/review-report.png.
 */
class ReviewBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static List<String> chromium(Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    @Test
    void theReportRendersInABrowser(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it): " + CHROMIUM);
        Path scenario = ReviewScenarios.with(dir.resolve("ns"), p -> {
            p.add(ReviewScenarios.denyAll());
            ReviewScenarios.named(p, "production-kafka-netpol").getSpec().getIngress().get(1).setFrom(List.of());
        });
        ReviewReport report = new Reviewer(GeneratorOptions.defaults()).review(OfflineSnapshot.read(List.of(scenario.toString()), null));
        Path html = dir.resolve("review.html");
        Files.writeString(html, ReviewHtml.of(report));

        String dom = run(chromium(dir.resolve("profile1"), "--dump-dom", html.toUri().toString()));
        Matcher m = Pattern.compile("rendered: (\\d+) nodes, (\\d+) edges \\((\\d+) missing, (\\d+) excess\\), (\\d+) tables").matcher(dom);
        assertTrue(m.find(), "the page's script did not run:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertEquals(report.graph().nodes().size(), Integer.parseInt(m.group(1)), "nodes laid out");
        assertEquals(report.graph().edges().size(), Integer.parseInt(m.group(2)), "edges laid out");
        assertTrue(Integer.parseInt(m.group(3)) > 0 && Integer.parseInt(m.group(4)) > 0, "missing and excess edges shown: " + m.group());
        assertEquals(report.tables().size() * 2, Integer.parseInt(m.group(5)));
        assertTrue(dom.contains("data-from=\"cluster operator\" data-to=\"kafka (production)\" data-ports=\"9091\""), "the blocked 9091 edge");
        assertTrue(dom.contains("class=\"finding foreign\""));

        Path png = dir.resolve("review.png");
        run(chromium(dir.resolve("profile2"), "--screenshot=" + png, "--window-size=1280,1500", html.toUri().toString()));
        assertTrue(Files.size(png) > 30_000, "screenshot too small to show the report: " + Files.size(png) + " bytes");
        if ("1".equals(System.getenv("ES_NETPOL_UPDATE_SCREENSHOT"))) {
            Files.copy(png, Path.of("docs/review-report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
