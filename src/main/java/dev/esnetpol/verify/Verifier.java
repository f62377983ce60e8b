package dev.esnetpol.verify;

import dev.esnetpol.analyze.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installations;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proves a set of policies against the catalogue for the installations of the given resources: (a) every
 * flow the generator derives from the catalogue is allowed end to end, between the pods the installation
 * will run and stand-ins for everyone else ({@link FlowChecks}); (b) least privilege: for each of the
 * installation's pods, what its ingress side admits and its egress side lets out is no more than those
 * flows ({@link LeastPrivilege}). The cluster both run on is built once ({@link SyntheticCluster}).
 */
public final class Verifier {

    private final GeneratorOptions options;
    private final Progress progress;

    public Verifier(GeneratorOptions options) {
        this(options, Progress.NONE);
    }

    /**
     * The profiles verifications run under, the user's first: by default the Kubernetes reference and Cilium, the
     * two readings of ipBlocks and host-network pods that the network plugins people run differ on
     * (docs/analyzer-semantics.md).
     */
    public static List<Profile> profilesFor(Profile primary) {
        List<Profile> out = new ArrayList<>(List.of(primary));
        for (Profile p : List.of(Profile.REFERENCE, Profile.CILIUM)) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private List<Profile> profiles = profilesFor(Profile.REFERENCE);

    /** Verify under these profiles (see {@link #profilesFor}). */
    public Verifier withProfiles(List<Profile> profiles) {
        this.profiles = List.copyOf(profiles);
        return this;
    }

    public List<Profile> profiles() {
        return profiles;
    }

    public Verifier(GeneratorOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * @param installed the policies in force; empty means "as es-netpol renders them"
     * @param foreign   policies of others in force as well (a namespace's default-deny, say)
     */
    public VerifyReport verify(List<EventStreamsResource> resources, String namespaceOverride,
                               Optional<List<NetworkPolicy>> installed, List<NetworkPolicy> foreign) {
        return verify(resources, namespaceOverride, installed, foreign, Cluster.of(List.of(), List.of(), List.of()));
    }

    /**
     * @param context namespaces (with their real labels) and other pods of the cluster, checked for least
     *                privilege like the stand-ins (review passes what it read from the cluster)
     */
    public VerifyReport verify(List<EventStreamsResource> resources, String namespaceOverride,
                               Optional<List<NetworkPolicy>> installed, List<NetworkPolicy> foreign, Cluster context) {
        List<NetworkPolicy> policies = new ArrayList<>(installed.orElseGet(() -> new PolicyGenerator(options).generate(resources, namespaceOverride)));
        policies.addAll(foreign);
        return prepare(resources, namespaceOverride, context).check(policies, profiles);
    }

    /** The synthetic cluster of the resources, to check several sets of policies against (review compares them). */
    public Verification prepare(List<EventStreamsResource> resources, String namespaceOverride, Cluster context) {
        return new Verification(new SyntheticCluster(Installations.group(resources, namespaceOverride), options, context));
    }

    /** One synthetic cluster; each {@link #check} is a verification of one set of policies over it. */
    public final class Verification {
        private final SyntheticCluster cluster;
        private final EndpointStands stands;

        private Verification(SyntheticCluster cluster) {
            this.cluster = cluster;
            this.stands = new EndpointStands(cluster);
        }

        public VerifyReport check(List<NetworkPolicy> policies) {
            return check(policies, Analyzer::of);
        }

        /**
         * The policies verified under each profile, the first deciding the counts: a finding every profile makes is
         * kept as it is, one only some make is {@code CNI_DEPENDENT} with each profile's verdict, so a flow whose
         * verdict depends on the network plugin is never reported clean.
         *
         * @param profiles at least one; the first is the one the user asked for
         */
        public VerifyReport check(List<NetworkPolicy> policies, List<Profile> profiles) {
            Map<String, VerifyReport> byProfile = new LinkedHashMap<>();
            for (Profile p : profiles) {
                byProfile.put(p.id(), check(policies, c -> Analyzer.of(c, p)));
            }
            VerifyReport first = byProfile.values().iterator().next();
            return new VerifyReport(first.flowsChecked(), first.pairsChecked(), ProfileVerdicts.merge(byProfile), first.checks(),
                    first.components(), first.open());
        }

        /**
         * @param analyzerOf the analyzer of a cluster: {@link Analyzer#of} for the reference semantics, or one of a
         *                   CNI's profile; merge the reports of several with {@link ProfileVerdicts#merge}
         */
        public VerifyReport check(List<NetworkPolicy> policies, Function<Cluster, Analyzer> analyzerOf) {
            Cluster withPolicies = cluster.cluster().withPolicies(policies);
            Analyzer analyzer = analyzerOf.apply(withPolicies);
            // Who else the policies open our pods to (the exposure analysis), then the cluster with a pod for each such
            // peer no stand-in stands for: least privilege checks them as it checks every other node.
            ExposedPeers exposed = ExposedPeers.of(cluster, analyzer, ourWorkloads());
            Cluster withExposed = exposed.addTo(withPolicies);
            if (withExposed != withPolicies) {
                analyzer = analyzerOf.apply(withExposed);
            }
            FlowChecks flows = new FlowChecks(cluster, stands, analyzer);
            int flowsChecked = flows.run(progress);
            LeastPrivilege least = new LeastPrivilege(cluster, stands, analyzer, exposed);
            int pairs = least.run(progress);
            List<Finding> findings = new ArrayList<>(flows.findings);
            findings.addAll(least.findings);
            List<End> components = cluster.installations().stream().flatMap(i -> cluster.components(i).values().stream()).toList();
            return new VerifyReport(flowsChecked, pairs, findings, flows.checks, components, OpenGrants.of(cluster, analyzer));
        }

        /** The installations' workloads, as the matrix names them (every replica's), each with its first pod. */
        private Map<String, dev.esnetpol.analyze.Pod> ourWorkloads() {
            Map<String, dev.esnetpol.analyze.Pod> out = new LinkedHashMap<>();
            for (dev.esnetpol.model.Installation i : cluster.installations()) {
                cluster.components(i).keySet().forEach(g -> cluster.replicas(i, g).forEach(e -> {
                    dev.esnetpol.analyze.Pod p = ((dev.esnetpol.analyze.Node.PodNode) e.node()).pod();
                    out.putIfAbsent(dev.esnetpol.analyze.Matrix.workloadName(p), p);
                }));
            }
            return out;
        }
    }
}
