package dev.esnetpol.review;

import dev.esnetpol.analyze.Profile;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.LabelSelectors;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.InstallationFacts;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.generate.RecordedOptions;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.verify.OpenGrant;
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
        List<ReviewFinding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        GeneratorOptions options = optionsFor(snapshot.cluster().policies(), findings, notes);
        List<Installation> installations = Installations.group(snapshot.resources(), null);
        List<NetworkPolicy> installed = snapshot.cluster().policies();
        List<NetworkPolicy> rendered = new PolicyGenerator(options).generate(snapshot.resources(), null);
        Cluster context = snapshot.cluster().withPolicies(List.of()); // its cluster-scoped policies and nodes kept
        // One synthetic cluster for the policies in force and for each "what if this foreign policy were not there".
        Verifier.Verification verification = new Verifier(options).prepare(snapshot.resources(), null, context);
        VerifyReport report = verification.check(installed, profiles);

        drift(rendered, installed, owners(installations, options), findings, notes);
        foreign(installed, report, verification, profiles, findings);
        findings.addAll(ExcessByRule.of(report.excess()));
        for (Finding f : report.findings()) {
            if (f.kind() == Finding.Kind.EXCESS) {
                continue;
            }
            findings.add(new ReviewFinding(kind(f.kind()), StandInNotes.name(f.from()) + " -> " + StandInNotes.name(f.to()) + " " + f.connections(),
                    f.reason(), FindingText.because(f), FindingJson.of(f)));
        }
        notes.addAll(StandInNotes.of(snapshot.namespace(), report));
        for (OpenGrant g : report.open()) {
            List<String> details = new ArrayList<>();
            details.add("for " + String.join(", ", g.podNames()));
            g.narrowedBy().forEach(n -> details.add("narrowed by " + n));
            findings.add(new ReviewFinding(ReviewFinding.Kind.OPEN, g.rule(), "opens " + String.join("; ", g.what()), details, g.json()));
        }
        return new ReviewReport(snapshot.namespace(), snapshot.source(), installations.stream().map(Installation::name).toList(),
                findings, notes, ReviewTables.of(report), ReviewGraph.of(report));
    }

    private static ReviewFinding.Kind kind(Finding.Kind kind) {
        return switch (kind) {
            case MISSING -> ReviewFinding.Kind.MISSING;
            case EXCESS -> ReviewFinding.Kind.EXCESS;
            case CNI_DEPENDENT -> ReviewFinding.Kind.CNI_DEPENDENT;
        };
    }

    /**
     * The options to reproduce the policies with: those es-netpol's policies record ({@link RecordedOptions}), when they
     * agree, else the requested ones. A difference between recorded and requested options (the reviewer asked for other
     * options than the policies were made with) is one finding, and so is policies recording different options; the
     * policies are then not compared one by one with options they were not made with.
     */
    private GeneratorOptions optionsFor(List<NetworkPolicy> installed, List<ReviewFinding> findings, List<String> notes) {
        Set<String> recorded = new java.util.TreeSet<>();
        boolean unrecorded = false;
        for (NetworkPolicy p : installed) {
            if (ours(p)) {
                java.util.Optional<String> r = RecordedOptions.of(p);
                r.ifPresent(recorded::add);
                unrecorded |= r.isEmpty();
            }
        }
        if (recorded.isEmpty()) {
            return this.options;
        }
        if (recorded.size() > 1 || unrecorded) {
            List<String> details = new ArrayList<>(recorded.stream().map(r -> "recorded: " + r).toList());
            if (unrecorded) {
                details.add("recorded: none (the defaults, or an es-netpol that did not record them)");
            }
            findings.add(new ReviewFinding(ReviewFinding.Kind.OPTIONS, RecordedOptions.ANNOTATION,
                    "es-netpol's policies were rendered with different options; reviewed with the requested ones", details));
            return this.options;
        }
        GeneratorOptions made;
        try {
            made = RecordedOptions.read(recorded.iterator().next());
        } catch (IllegalArgumentException e) {
            findings.add(new ReviewFinding(ReviewFinding.Kind.OPTIONS, RecordedOptions.ANNOTATION, e.getMessage()
                    + "; reviewed with the requested options", List.of()));
            return this.options;
        }
        notes.add("es-netpol's policies reproduced with the options they record (" + RecordedOptions.ANNOTATION + "): "
                + recorded.iterator().next());
        if (RecordedOptions.annotation(this.options).isPresent()) {
            List<String> differences = RecordedOptions.differences(made, this.options);
            if (!differences.isEmpty()) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.OPTIONS, RecordedOptions.ANNOTATION,
                        "the policies were rendered with other options than requested; reviewed with the recorded ones", differences));
            }
        }
        return made;
    }

    /** Per policy name, the kind and name of the resource it is rendered for (its owner). */
    private static Map<String, List<String>> owners(List<Installation> installations, GeneratorOptions options) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Installation i : installations) {
            InstallationFacts facts = new InstallationFacts(i, options.tables());
            for (PodGroup g : facts.groups()) {
                EventStreamsResource owner = facts.owner(g);
                if (owner != null) {
                    out.put(g.policyName(), List.of(owner.getKind(), owner.getMetadata().getName()));
                }
            }
        }
        return out;
    }

    /**
     * es-netpol's own policies against what render produces now. An owner reference that is missing or names another
     * object changes no connectivity: a note, not drift (GitOps renders from a copy without uid, and rightly writes none).
     */
    private static void drift(List<NetworkPolicy> rendered, List<NetworkPolicy> installed, Map<String, List<String>> owners,
                              List<ReviewFinding> findings, List<String> notes) {
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
                List<String> diff = PolicyDifferences.ofSpecAndLabels(want, have);
                if (!diff.isEmpty()) {
                    findings.add(new ReviewFinding(ReviewFinding.Kind.DRIFT, name, "differs from what es-netpol renders", diff));
                }
                List<String> owner = owners.get(name);
                if (owner != null) {
                    PolicyDifferences.ownerNote(want, have, owner.get(0), owner.get(1)).ifPresent(n -> notes.add(name + ": " + n));
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
            String name = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
            if (blocks + unblocks + closes == 0 && with.excess().stream().anyMatch(f -> f.decisions().get(0).admittingRules().stream()
                    .anyMatch(r -> r.regionMatches(0, name + " ", 0, name.length() + 1)))) {
                continue; // it only opens undocumented access, which its rules' EXCESS findings say, rule by rule
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
