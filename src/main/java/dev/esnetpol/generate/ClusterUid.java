package dev.esnetpol.generate;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Whether a resource's {@code metadata.uid} was issued by the API server the policies will be applied to, so
 * that an owner reference may name it. An owner reference to a uid the cluster does not know makes the garbage
 * collector delete the policy at once (issue 25: an example's invented uid deleted ten policies before kubectl
 * exited). A uid is taken as a cluster's when {@code metadata.resourceVersion} is beside it: the API server sets
 * both on every object it returns ({@code kubectl get -o yaml}, a live read, the operator's informers), while
 * hand-written files and GitOps sources carry neither (and a uid alone is most likely invented or copied).
 * An export applied to another cluster still carries both: {@code render} says on stderr when it uses a uid.
 */
public final class ClusterUid {

    private ClusterUid() {
    }

    /** The uid, if the resource was read from a cluster (uid and resourceVersion both set). */
    public static java.util.Optional<String> of(HasMetadata resource) {
        var meta = resource.getMetadata();
        if (meta == null || meta.getUid() == null || meta.getUid().isEmpty() || meta.getResourceVersion() == null
                || meta.getResourceVersion().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(meta.getUid());
    }

    /** A uid written without a resourceVersion: ignored, and said so. */
    public static boolean ignored(HasMetadata resource) {
        var meta = resource.getMetadata();
        return meta != null && meta.getUid() != null && !meta.getUid().isEmpty() && of(resource).isEmpty();
    }
}
