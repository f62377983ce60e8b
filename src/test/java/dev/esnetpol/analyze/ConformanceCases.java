package dev.esnetpol.analyze;

import dev.esnetpol.testing.SharedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The case directories of ../shared/conformance/netpol-analyzer (or another folder of it), in name order. */
final class ConformanceCases {

    private ConformanceCases() {
    }

    static List<Path> all() throws IOException {
        return in("netpol-analyzer");
    }

    /** The cases of {@code ../shared/conformance/FOLDER}. */
    static List<Path> in(String folder) throws IOException {
        try (Stream<Path> s = Files.list(SharedFiles.resolve("conformance/" + folder))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
