package dev.esnetpol.cli;

/** Test access to the CLI's YAML writer from other packages. */
public final class ObjectWriterAccess {

    private ObjectWriterAccess() {
    }

    public static String yaml(Object o) {
        return ObjectWriter.yaml(o);
    }
}
