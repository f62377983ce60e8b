package dev.esnetpol.operator;

import dev.esnetpol.catalogue.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whose a NetworkPolicy is, and whether two versions of one mean the same. */
final class OwnedPolicies {

    static final String SELECTOR = Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE;
    /** Every policy without es-netpol's label (a "!=" selector matches policies without the label too). */
    static final String NOT_OURS_SELECTOR = Labels.MANAGED_BY + "!=" + Labels.MANAGED_BY_VALUE;

    private OwnedPolicies() {
    }

    /** Labelled as es-netpol's and controlled by {@code owner}. */
    static boolean ownedBy(NetworkPolicy p, HasMetadata owner) {
        return managedByUs(p) && controllerUid(p).equals(owner.getMetadata().getUid());
    }

    static boolean managedByUs(NetworkPolicy p) {
        Map<String, String> labels = p.getMetadata().getLabels();
        return labels != null && Labels.MANAGED_BY_VALUE.equals(labels.get(Labels.MANAGED_BY));
    }

    static String controllerUid(NetworkPolicy p) {
        List<OwnerReference> refs = p.getMetadata().getOwnerReferences();
        if (refs == null) {
            return "";
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).map(OwnerReference::getUid)
                .filter(Objects::nonNull).findFirst().orElse("");
    }

    /**
     * Whether the installed policy already is the desired one: same spec, our labels present, same owner.
     * Labels and annotations others added are not ours to judge.
     */
    static boolean same(NetworkPolicy desired, NetworkPolicy actual) {
        return dev.esnetpol.generate.PolicyDifferences.between(desired, actual).isEmpty();
    }
}
