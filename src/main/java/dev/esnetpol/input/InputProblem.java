package dev.esnetpol.input;

/**
 * One thing wrong with the input, located as precisely as we can: the file, the YAML line where known,
 * and the field path inside the object (for example {@code spec.strimziOverrides.kafka.listeners[1].port}).
 */
public record InputProblem(String file, int line, String path, String message) {

    public InputProblem {
        file = file == null || file.isEmpty() ? "<input>" : file;
        path = path == null ? "" : path;
    }

    public static InputProblem at(String file, String path, String message) {
        return new InputProblem(file, 0, path, message);
    }

    public InputProblem withFile(String newFile, int newLine) {
        return new InputProblem(newFile, line > 0 ? line : newLine, path, message);
    }

    /** {@code file:line: path: message}, the shape compilers use so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
