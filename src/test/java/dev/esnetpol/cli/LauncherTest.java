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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/es-netpol, symlinked onto PATH: it finds its checkout through the link. Run in a copy of a checkout whose
 * jar is up to date, with a stand-in {@code java} on PATH that prints its command line, so that the test builds
 * nothing and starts no JVM.
 */
class LauncherTest {

    @Test
    void aLauncherSymlinkedOntoThePathFindsItsCheckout(@TempDir Path tmp) throws Exception {
        Path checkout = checkout(tmp);
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

    /**
     * The launcher's promise (README): it builds when the content of src/main or pom.xml changes, not when a file
     * is only touched; and it records the class-data archive again when java on PATH becomes another JDK, though it
     * remembers which JDK the last call resolved. A stand-in {@code mvn} writes the jar, a stand-in {@code java}
     * prints its command line.
     */
    @Test
    void rebuildsWhenSourcesChangeAndRecordsTheArchiveForAnotherJdk(@TempDir Path tmp) throws Exception {
        Path checkout = checkout(tmp);
        Path source = checkout.resolve("src/main/A.java");
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Files.writeString(tools.resolve("mvn"), "#!/bin/sh\nmkdir -p target && date +%s%N > target/es-netpol.jar\n"
                + "echo '[INFO] --- maven-shade-plugin:3.6.0:shade (default) @ es-netpol ---'\necho '[INFO] BUILD SUCCESS'\n");
        executable(tools.resolve("mvn"));
        Path jdk1 = standInJdk(tmp.resolve("jdk1"));
        String path1 = tools + ":" + jdk1.resolve("bin") + ":" + System.getenv("PATH");

        String first = run(checkout, List.of("bin/es-netpol", "--version"), path1);
        assertTrue(first.contains("es-netpol: building"), first);
        assertTrue(first.contains("recording the class-data archive"), first);
        assertTrue(first.contains("java -Xshare:auto"), first);
        String again = run(checkout, List.of("bin/es-netpol", "--version"), path1);
        assertFalse(again.contains("building") || again.contains("recording"), again);

        // Touched, same content (a checkout, a branch switch and back): nothing to build.
        Files.setLastModifiedTime(source, ago(-5));
        String touched = run(checkout, List.of("bin/es-netpol", "--version"), path1);
        assertFalse(touched.contains("building"), touched);

        // Changed content, as an editor writes it: newer than the launcher's stamp and the jar. Built again.
        Files.setLastModifiedTime(checkout.resolve("target/launcher/sources.sha1"), ago(120));
        Files.setLastModifiedTime(checkout.resolve("target/es-netpol.jar"), ago(60));
        Files.writeString(source, "class A { int changed; }");
        Files.setLastModifiedTime(source, ago(30));
        String changed = run(checkout, List.of("bin/es-netpol", "--version"), path1);
        assertTrue(changed.contains("es-netpol: building"), changed);

        // Another JDK first on PATH, installed after the last archive was recorded (times set: a file system's clock
        // ticks coarsely enough for two files written in a row to have one time): its archive is recorded, once.
        Path jdk2 = standInJdk(tmp.resolve("jdk2"));
        Files.setLastModifiedTime(checkout.resolve("target/launcher/archive-attempt"), ago(60));
        Files.setLastModifiedTime(jdk2.resolve("lib/modules"), ago(30));
        String path2 = tools + ":" + jdk2.resolve("bin") + ":" + System.getenv("PATH");
        String otherJdk = run(checkout, List.of("bin/es-netpol", "--version"), path2);
        assertTrue(otherJdk.contains("recording the class-data archive"), otherJdk);
        String otherAgain = run(checkout, List.of("bin/es-netpol", "--version"), path2);
        assertFalse(otherAgain.contains("recording"), otherAgain);
    }

    /** A checkout with the launcher, one source file and a pom, not built. */
    private static Path checkout(Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Path.of("bin/es-netpol"), checkout.resolve("bin/es-netpol"));
        executable(checkout.resolve("bin/es-netpol"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.writeString(checkout.resolve("src/main/A.java"), "class A {}");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        return checkout;
    }

    private static java.nio.file.attribute.FileTime ago(int seconds) {
        return java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(seconds));
    }

    /** A JDK home whose bin/java prints its command line, with the lib/modules file the launcher dates JDKs by. */
    private static Path standInJdk(Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/modules"), "");
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
        executable(home.resolve("bin/java"));
        return home;
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
