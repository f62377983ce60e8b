package dev.esnetpol.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of {@code ../shared} (spec, conformance cases) that CI checks out beside the project. */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path resolve(String relative) {
        String override = System.getProperty("esnetpol.shared");
        Path root = override != null ? Path.of(override) : Path.of("..", "shared");
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p.toAbsolutePath().normalize() + " is missing: the tests read the shared spec "
                    + "beside the project (../shared) or where -Desnetpol.shared=DIR says");
        }
        return p;
    }
}
