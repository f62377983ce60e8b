package dev.esnetpol.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.ClusterPolicy;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Profile;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.verify.Finding;
import dev.esnetpol.verify.Verifier;
import dev.esnetpol.verify.VerifyReport;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The documented flows of an installation that an administrator's cluster-scoped policy denies, with the
 * installation's NetworkPolicies as es-netpol applies them: verify's MISSING findings (a documented flow blocked)
 * whose deciding side names a cluster policy. The operator cannot change those policies and does not try; it says
 * so in the instance's status, as the condition {@value #TYPE} (issue 20), and counts the flows in a gauge.
 * Checked under the reference profile only: it is what the API documents for the three kinds, and a reconcile
 * runs it once.
 */
final class ClusterPolicyBlocks {

    /** The condition's type: True while a cluster policy blocks a documented flow, False otherwise. */
    static final String TYPE = "ClusterPolicyBlocks";
    /** At most this many flows named in the message (the count is always complete). */
    private static final int LISTED = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The rule that denies, as the analyzer's explanation names it ({@code TierRule.label}, after "denied by "):
     * {@code AdminNetworkPolicy `deny-connect` ingress rule #1 `name` (priority 10)}.
     */
    private static final Pattern DENIED_BY = Pattern.compile(
            "denied by ((\\w+) `([^`]+)` (?:ingress|egress) rule #\\d+(?: `[^`]*`)?(?: \\(priority \\d+\\))?)");

    /** One documented flow a cluster policy denies: the policy ({@code Kind/name}), its rule, and the flow as text. */
    record Block(String policy, String rule, String flow) {
    }

    private ClusterPolicyBlocks() {
    }

    /**
     * One informer per served kind, read only (list and watch, never a write). A subject or peer may select any
     * namespace, by labels the operator does not read, so a change may concern every resource: each is checked again
     * (those it does not concern find the same condition and write nothing).
     */
    static <R extends HasMetadata> List<EventSource<?, R>> sources(List<ClusterPolicyKinds.Kind> kinds, Class<R> type,
                                                                     EventSourceContext<R> context) {
        List<EventSource<?, R>> sources = new ArrayList<>();
        for (ClusterPolicyKinds.Kind kind : kinds) {
            sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(kind.gvk(), type)
                    .withName(kind.kind())
                    .withSecondaryToPrimaryMapper(p -> context.getPrimaryCache().list().map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                    .build(), context));
        }
        return sources;
    }

    /** The objects of every kind's informer cache ({@link #sources}). */
    @SuppressWarnings("unchecked")
    static <R extends HasMetadata> List<GenericKubernetesResource> cached(List<ClusterPolicyKinds.Kind> kinds, Context<R> context) {
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (ClusterPolicyKinds.Kind kind : kinds) {
            ((InformerEventSource<GenericKubernetesResource, R>) context.eventSourceRetriever()
                    .getEventSourceFor(GenericKubernetesResource.class, kind.kind())).list().forEach(objects::add);
        }
        return objects;
    }

    /**
     * The cluster policies as the analyzer reads them, from the informers' objects (the API server validated them);
     * a policy the analyzer refuses is an {@code InvalidInputException} naming the kind and name.
     */
    static List<ClusterPolicy> read(List<GenericKubernetesResource> objects) {
        List<ClusterPolicy> out = new ArrayList<>();
        for (GenericKubernetesResource o : objects) {
            ObjectNode node = MAPPER.valueToTree(o);
            out.add(ClusterLoader.fromClusterPolicy(node, o.getKind() + " " + o.getMetadata().getName()));
        }
        return out;
    }

    /**
     * The documented flows of the installation of {@code resources} that {@code clusterPolicies} deny when
     * {@code policies} (the installation's NetworkPolicies) are in force; empty when there are no cluster policies.
     */
    static List<Block> of(List<EventStreamsResource> resources, List<NetworkPolicy> policies, List<ClusterPolicy> clusterPolicies,
                          GeneratorOptions options) {
        if (clusterPolicies.isEmpty()) {
            return List.of();
        }
        VerifyReport report = new Verifier(options).withProfiles(List.of(Profile.REFERENCE))
                .verify(resources, null, Optional.of(policies), List.of(), Cluster.of(List.of(), List.of(), List.of(), clusterPolicies, List.of()));
        Set<Block> blocks = new LinkedHashSet<>();
        for (Finding f : report.missing()) {
            for (Explanation.Side side : f.decisions()) {
                Matcher m = DENIED_BY.matcher(side.summary());
                if (m.find()) {
                    blocks.add(new Block(m.group(2) + "/" + m.group(3), m.group(1), f.from() + " -> " + f.to() + " " + f.connections()));
                }
            }
        }
        return List.copyOf(blocks);
    }

    /** The condition for these blocks (status True with the policies and flows named, or False). */
    static Condition condition(List<Block> blocks, Long generation) {
        if (blocks.isEmpty()) {
            return new ConditionBuilder().withType(TYPE).withStatus("False").withReason("NoDocumentedFlowBlocked")
                    .withMessage("no cluster-scoped policy denies a documented flow").withObservedGeneration(generation).build();
        }
        Set<String> policies = new LinkedHashSet<>();
        blocks.forEach(b -> policies.add(b.policy()));
        StringBuilder message = new StringBuilder().append(blocks.size()).append(" documented flow")
                .append(blocks.size() == 1 ? " is" : "s are").append(" denied by ").append(String.join(", ", policies))
                .append(" (an administrator's policy: es-netpol cannot change it): ");
        List<String> listed = blocks.stream().limit(LISTED).map(b -> b.flow() + " denied by " + b.rule()).toList();
        message.append(String.join("; ", listed));
        if (blocks.size() > LISTED) {
            message.append("; and ").append(blocks.size() - LISTED).append(" more");
        }
        // The reason names the first policy: a reason is CamelCase, so the kind, and the name is in the message.
        return new ConditionBuilder().withType(TYPE).withStatus("True").withReason("DeniedBy" + blocks.get(0).policy().split("/")[0])
                .withMessage(message.toString()).withObservedGeneration(generation).build();
    }
}
