package dev.esnetpol.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Kustomize directories among the files of a directory read: their files are bases and patches that kustomize
 * assembles (and puts in its {@code namespace}), not the objects it applies, so they are not read file by file.
 */
public final class Kustomizations {

    /** The file names by which kustomize recognises a kustomization directory (kustomize's {@code konfig.RecognizedKustomizationFileNames}). */
    public static final List<String> FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private Kustomizations() {
    }

    /**
     * The kustomization directories among {@code files} (those below {@code dir}; only {@code dir} itself unless
     * {@code recursive}), also added to {@code found}.
     */
    static List<Path> directories(List<Path> files, Path dir, boolean recursive, List<Path> found) {
        List<Path> dirs = files.stream().filter(p -> FILES.contains(p.getFileName().toString()))
                .map(Path::getParent).filter(d -> recursive || dir.equals(d)).distinct().toList();
        found.addAll(dirs);
        return dirs;
    }

    /** The kustomization file of {@code dir}, for the message that names it. */
    public static String fileOf(Path dir) {
        return FILES.stream().filter(f -> Files.exists(dir.resolve(f))).findFirst().orElse(FILES.get(0));
    }
}
