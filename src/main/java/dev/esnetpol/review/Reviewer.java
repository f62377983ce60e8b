package dev.esnetpol.review;

import dev.esnetpol.analyze.Profile;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.LabelSelectors;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyDifferences;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.FindingJson;
import dev.esnetpol.verify.FindingText;
import dev.esnetpol.verify.Verifier;
import dev.esnetpol.verify.VerifyReport;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what is installed in a namespace with what the documentation says, through the analyzer: the
 * policies in force (es-netpol's and others') against the catalogue's flows (missing, excess), es-netpol's
 * policies against what render would produce (drift, deleted, stale), and the effect of each foreign
 * policy that selects the installation's pods.
 */
public final class Reviewer {

    private final GeneratorOptions options;
    private final List<Profile> profiles;

    /** A reviewer under the Kubernetes reference semantics, with Cilium's reading compared. */
    public Reviewer(GeneratorOptions options) {
        this(options, Verifier.profilesFor(Profile.REFERENCE));
    }

    /** @param profiles the analyzer profiles to review under, the deciding one first ({@link Verifier#profilesFor}) */
    public Reviewer(GeneratorOptions options, List<Profile> profiles) {
        this.options = options;
        this.profiles = List.copyOf(profiles);
    }

    public ReviewReport review(Snapshot snapshot) {
        List<Installation> installations = Installations.group(snapshot.resources(), null);
        List<NetworkPolicy> installed = snapshot.cluster().policies();
        List<NetworkPolicy> rendered = new PolicyGenerator(options).generate(snapshot.resources(), null);
        Cluster context = snapshot.cluster().withPolicies(List.of()); // its cluster-scoped policies and nodes kept
        // One synthetic cluster for the policies in force and for each "what if this foreign policy were not there".
        Verifier.Verification verification = new Verifier(options).prepare(snapshot.resources(), null, context);
        VerifyReport report = verification.check(installed, profiles);

        List<ReviewFinding> findings = new ArrayList<>();
        drift(rendered, installed, findings);
        foreign(installed, report, verification, profiles, findings);
        for (Finding f : report.findings()) {
            findings.add(new ReviewFinding(kind(f.kind()), f.from() + " -> " + f.to() + " " + f.connections(), f.reason(), FindingText.because(f),
                    FindingJson.of(f)));
        }
        return new ReviewReport(snapshot.namespace(), snapshot.source(), installations.stream().map(Installation::name).toList(),
                findings, ReviewTables.of(report), ReviewGraph.of(report));
    }

    private static ReviewFinding.Kind kind(Finding.Kind kind) {
        return switch (kind) {
            case MISSING -> ReviewFinding.Kind.MISSING;
            case EXCESS -> ReviewFinding.Kind.EXCESS;
            case CNI_DEPENDENT -> ReviewFinding.Kind.CNI_DEPENDENT;
        };
    }

    /** es-netpol's own policies against what render produces now. */
    private static void drift(List<NetworkPolicy> rendered, List<NetworkPolicy> installed, List<ReviewFinding> findings) {
        Map<String, NetworkPolicy> byName = new LinkedHashMap<>();
        installed.forEach(p -> byName.put(p.getMetadata().getName(), p));
        Set<String> renderedNames = new LinkedHashSet<>();
        for (NetworkPolicy want : rendered) {
            String name = want.getMetadata().getName();
            renderedNames.add(name);
            NetworkPolicy have = byName.get(name);
            if (have == null) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.DELETED, name, "es-netpol's policy is not installed", List.of()));
            } else if (ours(have)) {
                List<String> diff = PolicyDifferences.between(want, have);
                if (!diff.isEmpty()) {
                    findings.add(new ReviewFinding(ReviewFinding.Kind.DRIFT, name, "differs from what es-netpol renders", diff));
                }
            }
        }
        for (NetworkPolicy have : installed) {
            if (ours(have) && !renderedNames.contains(have.getMetadata().getName())) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.STALE, have.getMetadata().getName(),
                        "labelled as es-netpol's but not rendered for any resource here", List.of()));
            }
        }
    }

    /** Policies of others that select the installation's pods, and what each changes. */
    private static void foreign(List<NetworkPolicy> installed, VerifyReport with, Verifier.Verification verification,
                                List<Profile> profiles, List<ReviewFinding> findings) {
        List<Pod> ours = with.components().stream().map(e -> ((Node.PodNode) e.node()).pod()).toList();
        for (NetworkPolicy p : installed) {
            if (ours(p)) {
                continue;
            }
            List<String> selected = ours.stream()
                    .filter(pod -> pod.namespace().equals(p.getMetadata().getNamespace())
                            && LabelSelectors.matches(p.getSpec().getPodSelector(), pod.labels()))
                    .map(Pod::toString).toList();
            List<NetworkPolicy> without = installed.stream().filter(x -> x != p).toList();
            VerifyReport alone = verification.check(without, profiles);
            // Compared finding by finding, not by count: a policy that blocks one flow and opens another changes things too.
            Set<List<Object>> withKeys = keys(with);
            Set<List<Object>> aloneKeys = keys(alone);
            long blocks = with.missing().stream().filter(f -> !aloneKeys.contains(key(f))).count();
            long unblocks = alone.missing().stream().filter(f -> !withKeys.contains(key(f))).count();
            long opens = with.excess().stream().filter(f -> !aloneKeys.contains(key(f))).count();
            long closes = alone.excess().stream().filter(f -> !withKeys.contains(key(f))).count();
            if (blocks + unblocks + opens + closes == 0) {
                continue; // selects the installation's pods but changes nothing the catalogue speaks of
            }
            List<String> effects = new ArrayList<>();
            if (blocks > 0) {
                effects.add("blocks " + blocks + " documented flow(s)");
            }
            if (unblocks > 0) {
                effects.add("lets " + unblocks + " documented flow(s) through");
            }
            if (opens > 0) {
                effects.add("opens " + opens + " undocumented connection(s)");
            }
            if (closes > 0) {
                effects.add("closes " + closes + " undocumented connection(s)");
            }
            String effect = "changes the installation's connectivity: " + String.join(", ", effects);
            findings.add(new ReviewFinding(ReviewFinding.Kind.FOREIGN, p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(),
                    "not es-netpol's; " + effect, selected.isEmpty() ? List.of() : List.of("selects " + String.join(", ", selected))));
        }
    }

    private static Set<List<Object>> keys(VerifyReport r) {
        Set<List<Object>> out = new HashSet<>();
        r.findings().forEach(f -> out.add(key(f)));
        return out;
    }

    private static List<Object> key(Finding f) {
        return f.identity();
    }

    private static boolean ours(NetworkPolicy p) {
        Map<String, String> labels = p.getMetadata().getLabels();
        return labels != null && Labels.MANAGED_BY_VALUE.equals(labels.get(Labels.MANAGED_BY));
    }
}
