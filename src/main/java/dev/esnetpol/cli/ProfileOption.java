package dev.esnetpol.cli;

import dev.esnetpol.analyze.Profile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --profile reference|cilium|np-guard|ovn-kubernetes}, read the same way by matrix, explain, verify and review;
 * not given, the profile of the platform (ovn-kubernetes on OpenShift, reference elsewhere).
 */
final class ProfileOption {

    private ProfileOption() {
    }

    /** The option's help, the same on every command. */
    static final String LABEL = "reference|cilium|np-guard|ovn-kubernetes";

    static Profile parse(CommandSpec spec, String value, dev.esnetpol.catalogue.Platform platform) {
        return parse(spec, value == null ? platform.analyzerProfile() : value);
    }

    static Profile parse(CommandSpec spec, String value) {
        try {
            return Profile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }
}
