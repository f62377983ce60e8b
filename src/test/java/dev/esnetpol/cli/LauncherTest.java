package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/es-netpol, symlinked onto PATH: it finds its checkout through the link. Run in a copy of a checkout whose
 * jar is up to date, with a stand-in {@code java} on PATH that prints its command line, so that the test builds
 * nothing and starts no JVM.
 */
class LauncherTest {

    @Test
    void aLauncherSymlinkedOntoThePathFindsItsCheckout(@TempDir Path tmp) throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Path.of("bin/es-netpol"), checkout.resolve("bin/es-netpol"));
        executable(checkout.resolve("bin/es-netpol"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.writeString(checkout.resolve("src/main/A.java"), "class A {}");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Path launcher = Files.createDirectories(checkout.resolve("target/launcher"));
        Files.writeString(launcher.resolve("es-netpol.jar"), "not read: java is a stand-in");
        String digest = run(checkout, List.of("bash", "-c",
                "find src/main pom.xml -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1"), null).trim();
        Files.writeString(launcher.resolve("sources.sha1"), digest + "\n");
        Files.writeString(launcher.resolve("archive-attempt"), "");
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
        executable(jdk.resolve("java"));
        Path onPath = Files.createDirectories(tmp.resolve("onpath"));
        Files.createSymbolicLink(onPath.resolve("es-netpol"), Path.of("../checkout/bin/es-netpol")); // relative, as ln -s makes it
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        String out = run(elsewhere, List.of("bash", "-c", "es-netpol --version"), onPath + ":" + jdk + ":" + System.getenv("PATH"));
        assertTrue(out.contains("-jar " + checkout.toRealPath().resolve("target/launcher/es-netpol.jar") + " --version"), out);
    }

    private static String run(Path dir, List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
