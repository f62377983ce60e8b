package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;

/** What an API server's refusal means, read from its {@code Status} (metav1.Status: code, reason, details.causes). */
final class ApiRefusals {

    /**
     * The cause kube-apiserver's NamespaceLifecycle admission plugin gives when it refuses to create anything in a
     * namespace that is being deleted (403 Forbidden, {@code details.causes[].reason: NamespaceTerminating}; k8s.io/api
     * core/v1 {@code NamespaceTerminatingCause}).
     */
    static final String NAMESPACE_TERMINATING = "NamespaceTerminating";

    private ApiRefusals() {
    }

    /** A 403 because the namespace is being deleted. */
    static boolean namespaceTerminating(KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN || e.getStatus() == null || e.getStatus().getDetails() == null
                || e.getStatus().getDetails().getCauses() == null) {
            return false;
        }
        return e.getStatus().getDetails().getCauses().stream().map(StatusCause::getReason).anyMatch(NAMESPACE_TERMINATING::equals);
    }

    /** One short phrase for a log line: "409 Conflict on eventstreams es", never the object sent. */
    static String brief(KubernetesClientException e) {
        Status s = e.getStatus();
        String what = s == null || s.getDetails() == null || s.getDetails().getName() == null ? ""
                : " on " + s.getDetails().getKind() + " " + s.getDetails().getName();
        String reason = e.getCode() == HttpURLConnection.HTTP_CONFLICT ? "Conflict" : s == null ? null : s.getReason();
        return e.getCode() + (reason == null ? "" : " " + reason) + what;
    }
}
