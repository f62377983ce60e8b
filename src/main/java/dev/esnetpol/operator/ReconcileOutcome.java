package dev.esnetpol.operator;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.operator.PoliciesCondition.Reason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one reconcile found, as the resource's condition will say it: ready or not, why, in words, and the
 * result the metrics count. Whether a user must act on it (a Warning Event) follows from the reason.
 */
record ReconcileOutcome(boolean ready, Reason reason, String message, String result) {

    /** Never delete working policies because the new spec is wrong: keep what was applied, say why. */
    static ReconcileOutcome invalid(List<InputProblem> problems) {
        return new ReconcileOutcome(false, Reason.InvalidSpec, "policies kept as last applied; the resource is invalid: "
                + problems.stream().map(p -> p.path().isEmpty() ? p.message() : p.path() + ": " + p.message())
                .collect(Collectors.joining("; ")), "invalid");
    }

    /** @param openByDefault what the policies grant anywhere as documented defaults, with what narrows it (not a failure) */
    static ReconcileOutcome applied(ApplyResult result, List<String> openByDefault) {
        String message = result.applied().size() + " NetworkPolicies applied: " + String.join(", ", result.applied());
        if (!openByDefault.isEmpty()) {
            message += "; open to anywhere by default: " + String.join("; ", openByDefault);
        }
        if (!result.foreign().isEmpty()) {
            message += "; not applied, a policy es-netpol does not own has the name: " + String.join(", ", result.foreign())
                    + " (rename or delete it)";
        }
        return new ReconcileOutcome(result.foreign().isEmpty(), result.foreign().isEmpty() ? Reason.Applied : Reason.PolicyNameTaken,
                message, result.wrote() ? "applied" : "unchanged");
    }

    static ReconcileOutcome retriesExhausted(Exception e) {
        return new ReconcileOutcome(false, Reason.ApiError,
                "policies may be partly applied; retries exhausted, next attempt at the next change or resync: " + describe(e), "failed");
    }

    /** The API's answer when there is one (the SDK may wrap it), else the exception. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return "HTTP " + k.getCode() + ": " + k.getMessage();
            }
        }
        return e.toString();
    }

    /** A user must act: the Warning Event that goes with a new condition. */
    boolean warns() {
        return reason == Reason.InvalidSpec || reason == Reason.PolicyNameTaken;
    }

    Condition condition(Long generation) {
        return PoliciesCondition.of(ready, reason, message, generation);
    }
}
