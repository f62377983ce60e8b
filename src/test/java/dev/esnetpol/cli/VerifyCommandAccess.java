package dev.esnetpol.cli;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.List;

/** Test access to the CLI's policy reading. */
public final class VerifyCommandAccess {

    private VerifyCommandAccess() {
    }

    public static List<NetworkPolicy> policies(String... files) {
        return VerifyCommand.readPolicies(List.of(files));
    }
}
