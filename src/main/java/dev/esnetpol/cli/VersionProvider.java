package dev.esnetpol.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code --version}: the project version and the git commit the build was made from, both recorded at build time
 * in {@code build.properties} (pom.xml, maven-antrun-plugin; the commit is "unknown" when built outside git).
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** The resource the build writes beside this class. */
    static final String BUILD_INFO = "build.properties";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // unreadable: reported below as unknown, as a build outside git is
        }
        return new String[] {"es-netpol " + build.getProperty("version", "unknown") + " (commit " + build.getProperty("commit", "unknown") + ")"};
    }
}
