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

    /**
     * A policy es-netpol takes over for {@code owner} although it does not control it: labelled as es-netpol's and
     * controlled by no one (rendered without a uid and applied, or its owner reference removed by hand), or by an
     * earlier resource of the owner's kind and name whose uid is gone (a restore, an export applied elsewhere). A
     * policy controlled by another live object, or without es-netpol's label, is someone else's.
     */
    static boolean adoptable(NetworkPolicy p, HasMetadata owner) {
        if (!managedByUs(p)) {
            return false;
        }
        List<OwnerReference> controllers = p.getMetadata().getOwnerReferences() == null ? List.of()
                : p.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController())).toList();
        return controllers.isEmpty() || controllers.stream().allMatch(r -> owner.getKind().equals(r.getKind())
                && owner.getMetadata().getName().equals(r.getName()));
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

    /** Where a slimmed cached policy keeps the fingerprint of its spec ({@link SlimStore#ownPolicy}); never written out. */
    static final String SPEC_FINGERPRINT = "es-netpol.spec-fingerprint";

    /**
     * The spec as one number: equal specs give equal numbers (fabric8's models compare by value; absent rule lists
     * count as empty ones, as {@code PolicyDifferences} counts them).
     */
    static int specFingerprint(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec spec) {
        return Objects.hash(spec.getPodSelector(), spec.getPolicyTypes(), spec.getIngress() == null ? List.of() : spec.getIngress(),
                spec.getEgress() == null ? List.of() : spec.getEgress());
    }

    /** What {@link #same} compares (spec, labels, annotations, owner references), as one number. */
    static int fingerprint(NetworkPolicy p) {
        return Objects.hash(p.getSpec(), p.getMetadata().getLabels(), p.getMetadata().getAnnotations(), p.getMetadata().getOwnerReferences());
    }

    /**
     * Whether the installed policy already is the desired one: same spec, our labels present, same owner.
     * Labels and annotations others added are not ours to judge.
     */
    static boolean same(NetworkPolicy desired, NetworkPolicy actual) {
        Object cachedSpec = actual.getSpec() == null ? actual.getMetadata().getAdditionalProperties().get(SPEC_FINGERPRINT) : null;
        if (cachedSpec != null) {
            // A slimmed cache entry: the spec is its fingerprint; labels and owners are compared as they are.
            return cachedSpec.equals(specFingerprint(desired.getSpec())) && dev.esnetpol.generate.PolicyDifferences.between(desired,
                    new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder(actual).withSpec(desired.getSpec()).build()).isEmpty();
        }
        return dev.esnetpol.generate.PolicyDifferences.between(desired, actual).isEmpty();
    }
}
