package dev.esnetpol.cli;

import dev.esnetpol.analyze.Profile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --profile reference|cilium|np-guard}, read the same way by matrix and explain. */
final class ProfileOption {

    private ProfileOption() {
    }

    static Profile parse(CommandSpec spec, String value) {
        try {
            return Profile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }
}
