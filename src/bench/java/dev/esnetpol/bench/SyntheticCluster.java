package dev.esnetpol.bench;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterPeer;
import dev.esnetpol.analyze.ClusterPolicy;
import dev.esnetpol.analyze.NamedPort;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Owner;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.PortMatcher;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A cluster shaped like real ones, from a fixed seed: namespaces of 50 workloads of 5 replicas each (two
 * label variants per workload, as during a rolling update), and policies that select workloads or tiers,
 * admit from tiers, namespaces (alone or with a pod selector) and address blocks, on numbered and named ports,
 * a third of them with egress rules.
 */
public final class SyntheticCluster {

    private static final String[] TIERS = {"web", "api", "db", "cache"};

    /** The cluster shapes the benchmarks run: each stresses a different part of the analysis. */
    public enum Shape {
        /** A few namespaces of 50 workloads of 5 replicas; policies ≈ 20 % of pods (the measured shape). */
        standard,
        /** Many small namespaces (10 workloads of 2 replicas) and policies admitting mostly by namespace selector. */
        namespaces,
        /** The standard shape with 4 to 8 ipBlocks (with excepts) per policy, inside and outside the pod network. */
        ipblocks,
        /**
         * The standard shape under 50 cluster-scoped policies: 35 in the Admin tier (AdminNetworkPolicies and
         * ClusterNetworkPolicies, priorities 1-40, Accept/Deny/Pass by namespace, pods and networks, numbered
         * ports and ranges) and 15 in the Baseline tier.
         */
        tiers
    }

    private SyntheticCluster() {
    }

    public static Cluster of(Shape shape, int pods, int policies, long seed) {
        return switch (shape) {
            case standard -> of(pods, policies, seed);
            case namespaces -> manyNamespaces(pods, policies, seed);
            case ipblocks -> manyIpBlocks(pods, policies, seed);
            case tiers -> withClusterPolicies(of(pods, policies, seed), 50, seed);
        };
    }

    /** {@code base} with {@code count} cluster-scoped policies (see {@link Shape#tiers}). */
    static Cluster withClusterPolicies(Cluster base, int count, long seed) {
        Random random = new Random(seed + 2);
        List<ClusterPolicy> cps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean admin = i < count * 7 / 10;
            ClusterPolicy.Subject subject = random.nextBoolean()
                    ? new ClusterPolicy.Subject(selector("team", "t" + random.nextInt(5)), null)
                    : new ClusterPolicy.Subject(selector("env", random.nextBoolean() ? "prod" : "dev"), selector("tier", TIERS[random.nextInt(4)]));
            List<ClusterPolicy.Rule> ingress = new ArrayList<>();
            List<ClusterPolicy.Rule> egress = new ArrayList<>();
            int rules = 1 + random.nextInt(3);
            for (int r = 0; r < rules; r++) {
                ClusterPolicy.Action action = ClusterPolicy.Action.values()[random.nextInt(admin ? 3 : 2)];
                List<PortMatcher> ports = switch (random.nextInt(3)) {
                    case 0 -> List.of();
                    case 1 -> List.of(new PortMatcher("TCP", 80 + random.nextInt(20), 80 + random.nextInt(20) + 20, null));
                    default -> List.of(new PortMatcher("TCP", 8080, 8080, null), new PortMatcher(null, null, null, "metrics"));
                };
                ClusterPeer peer = switch (random.nextInt(3)) {
                    case 0 -> new ClusterPeer.Namespaces(selector("team", "t" + random.nextInt(5)));
                    case 1 -> new ClusterPeer.Pods(selector("env", "prod"), selector("tier", TIERS[random.nextInt(4)]));
                    default -> new ClusterPeer.Networks(List.of(dev.esnetpol.kube.Cidr.parse("10." + random.nextInt(Math.max(1, base.pods().size() / 250)) + ".0.0/16")));
                };
                if (peer instanceof ClusterPeer.Networks || random.nextInt(3) == 0) {
                    egress.add(new ClusterPolicy.Rule("e" + r, egress.size(), action, List.of(peer), ports));
                } else {
                    ingress.add(new ClusterPolicy.Rule("i" + r, ingress.size(), action, List.of(peer), ports));
                }
            }
            cps.add(new ClusterPolicy(i % 2 == 0 ? "ClusterNetworkPolicy" : admin ? "AdminNetworkPolicy" : "ClusterNetworkPolicy", "cp" + i,
                    admin ? ClusterPolicy.Tier.ADMIN : ClusterPolicy.Tier.BASELINE, 1 + random.nextInt(40), subject, ingress, egress));
        }
        return base.withClusterPolicies(cps);
    }

    private static io.fabric8.kubernetes.api.model.LabelSelector selector(String key, String value) {
        return new io.fabric8.kubernetes.api.model.LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build();
    }

    /** {@code pods} in namespaces of 10 workloads × 2 replicas; policies admit by namespace labels, with or without pod selectors. */
    static Cluster manyNamespaces(int pods, int policies, long seed) {
        Random random = new Random(seed);
        int namespaces = Math.max(1, pods / 20);
        List<Namespace> nss = new ArrayList<>();
        List<Pod> all = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            String ns = "team" + n;
            nss.add(new Namespace(ns, Map.of("team", "t" + (n % 25), "env", n % 3 == 0 ? "prod" : "dev", "zone", "z" + (n % 4))));
            for (int w = 0; w < 10 && all.size() < pods; w++) {
                for (int r = 0; r < 2 && all.size() < pods; r++) {
                    all.add(new Pod(ns, "svc" + w + "-" + r, Map.of("app", "svc" + w, "tier", TIERS[w % 4]),
                            List.of("10." + (n / 200) + "." + (n % 200) + "." + (w * 2 + r + 1)),
                            List.of(new NamedPort("http", 8080, "TCP")), false, new Owner("Deployment", "svc" + w)));
                }
            }
        }
        List<NetworkPolicy> nps = new ArrayList<>();
        for (int i = 0; i < policies; i++) {
            String ns = "team" + random.nextInt(namespaces);
            NetworkPolicyPeer peer = switch (random.nextInt(3)) {
                case 0 -> new NetworkPolicyPeerBuilder().withNewNamespaceSelector().withMatchLabels(Map.of("team", "t" + random.nextInt(25))).endNamespaceSelector().build();
                case 1 -> new NetworkPolicyPeerBuilder().withNewNamespaceSelector().withMatchLabels(Map.of("env", "prod", "zone", "z" + random.nextInt(4)))
                        .endNamespaceSelector().withNewPodSelector().withMatchLabels(Map.of("tier", TIERS[random.nextInt(4)])).endPodSelector().build();
                default -> new NetworkPolicyPeerBuilder().withNewNamespaceSelector().addNewMatchExpression().withKey("zone").withOperator("In")
                        .withValues("z" + random.nextInt(4), "z" + random.nextInt(4)).endMatchExpression().endNamespaceSelector().build();
            };
            nps.add(new NetworkPolicyBuilder().withNewMetadata().withName("np" + i).withNamespace(ns).endMetadata()
                    .withNewSpec().withNewPodSelector().withMatchLabels(Map.of("app", "svc" + random.nextInt(10))).endPodSelector()
                    .addNewIngress().withFrom(peer).withPorts(new NetworkPolicyPortBuilder().withPort(new IntOrString(random.nextBoolean() ? "http" : 443)).build()).endIngress()
                    .endSpec().build());
        }
        return Cluster.of(nss, all, nps);
    }

    /** The standard shape, every policy also admitting from (and, a third of them, letting out to) 4-8 random ipBlocks. */
    static Cluster manyIpBlocks(int pods, int policies, long seed) {
        Cluster base = of(pods, policies, seed);
        Random random = new Random(seed + 1);
        List<NetworkPolicy> nps = new ArrayList<>();
        for (NetworkPolicy np : base.policies()) {
            NetworkPolicyBuilder b = new NetworkPolicyBuilder(np);
            List<NetworkPolicyPeer> blocks = new ArrayList<>();
            int count = 4 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                int prefix = 16 + random.nextInt(9);
                String seedAddress = (random.nextInt(3) == 0 ? "10." + random.nextInt(Math.max(1, pods / 250)) : (11 + random.nextInt(200)) + "." + random.nextInt(256))
                        + "." + random.nextInt(256) + "." + random.nextInt(256);
                dev.esnetpol.kube.Cidr c = dev.esnetpol.kube.Cidr.parse(seedAddress + "/" + prefix);
                String cidr = dev.esnetpol.kube.Cidr.format(c.first(), false) + "/" + prefix;
                List<String> except = prefix < 24 && random.nextBoolean() ? List.of(dev.esnetpol.kube.Cidr.format(c.first(), false) + "/" + (prefix + 2)) : null;
                blocks.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).withExcept(except).endIpBlock().build());
            }
            b.editSpec().addNewIngress().withFrom(blocks).withPorts(new NetworkPolicyPortBuilder().withPort(new IntOrString(443)).build()).endIngress().endSpec();
            nps.add(b.build());
        }
        return Cluster.of(new ArrayList<>(base.namespaces().values()), base.pods(), nps);
    }

    public static Cluster of(int pods, int policies, long seed) {
        Random random = new Random(seed);
        int workloadsPerNamespace = 50;
        int replicas = 5;
        int namespaces = Math.max(1, pods / (workloadsPerNamespace * replicas));
        List<Namespace> nss = new ArrayList<>();
        List<Pod> all = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            String ns = "ns" + n;
            nss.add(new Namespace(ns, Map.of("team", "t" + (n % 5), "env", n % 2 == 0 ? "prod" : "dev")));
            for (int w = 0; w < workloadsPerNamespace && all.size() < pods; w++) {
                String tier = TIERS[w % TIERS.length];
                for (int r = 0; r < replicas && all.size() < pods; r++) {
                    Map<String, String> labels = Map.of("app", "app" + w, "tier", tier, "version", r < 3 ? "v1" : "v2");
                    all.add(new Pod(ns, "app" + w + "-" + r, labels, List.of("10." + n + "." + w + "." + r), 
                            List.of(new NamedPort("http", 8080, "TCP"), new NamedPort("metrics", 9090, "TCP")), false,
                            new Owner("Deployment", "app" + w)));
                }
            }
        }
        List<NetworkPolicy> nps = new ArrayList<>();
        for (int i = 0; i < policies; i++) {
            String ns = "ns" + random.nextInt(namespaces);
            NetworkPolicyBuilder b = new NetworkPolicyBuilder().withNewMetadata().withName("np" + i).withNamespace(ns).endMetadata()
                    .withNewSpec()
                    .withNewPodSelector().withMatchLabels(random.nextBoolean()
                            ? Map.of("app", "app" + random.nextInt(workloadsPerNamespace)) : Map.of("tier", TIERS[random.nextInt(4)]))
                    .endPodSelector()
                    .endSpec();
            int rules = 1 + random.nextInt(2);
            for (int r = 0; r < rules; r++) {
                b.editSpec().addToIngress(new NetworkPolicyIngressRuleBuilder()
                        .withFrom(peer(random, namespaces))
                        .withPorts(random.nextBoolean()
                                ? new NetworkPolicyPortBuilder().withPort(new IntOrString(80 + random.nextInt(20))).build()
                                : new NetworkPolicyPortBuilder().withPort(new IntOrString("http")).build())
                        .build()).endSpec();
            }
            if (random.nextInt(3) == 0) {
                b.editSpec().withPolicyTypes("Ingress", "Egress").addToEgress(new NetworkPolicyEgressRuleBuilder()
                        .withTo(peer(random, namespaces)).build(),
                        new NetworkPolicyEgressRuleBuilder().withPorts(new NetworkPolicyPortBuilder().withProtocol("UDP")
                                .withPort(new IntOrString(53)).build()).build()).endSpec();
            }
            nps.add(b.build());
        }
        return Cluster.of(nss, all, nps);
    }

    private static NetworkPolicyPeer peer(Random random, int namespaces) {
        return switch (random.nextInt(4)) {
            case 0 -> new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(Map.of("tier", TIERS[random.nextInt(4)])).endPodSelector().build();
            case 1 -> new NetworkPolicyPeerBuilder().withNewNamespaceSelector().withMatchLabels(Map.of("team", "t" + random.nextInt(5))).endNamespaceSelector().build();
            case 2 -> new NetworkPolicyPeerBuilder()
                    .withNewNamespaceSelector().withMatchLabels(Map.of("env", "prod")).endNamespaceSelector()
                    .withNewPodSelector().addNewMatchExpression().withKey("tier").withOperator("In").withValues("web", "api").endMatchExpression().endPodSelector()
                    .build();
            default -> {
                int k = random.nextInt(Math.max(1, namespaces));
                yield new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("10." + k + ".0.0/16").withExcept("10." + k + ".1.0/24").endIpBlock().build();
            }
        };
    }
}
