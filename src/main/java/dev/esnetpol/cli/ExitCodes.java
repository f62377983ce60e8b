package dev.esnetpol.cli;

/** The exit codes every subcommand shares, documented in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
