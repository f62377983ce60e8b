package dev.esnetpol.deploy;

import com.marcnuri.helm.LintResult;
import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.cli.GeneratorOptionsMixin;
import dev.esnetpol.cli.OperatorCommand;
import dev.esnetpol.generate.GeneratorOptions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/helm/es-netpol through Helm's own engine (helm-java), compared with what kustomize builds from deploy/:
 * lint; template with the chart's three ci/ values files; the rendered objects read by fabric8 and compared kind by
 * kind, RBAC rule by rule and verb by verb, port by port (the operator's policy through the project's own
 * analyzer); the rendered args read by the operator's real command line; bad values refused by the schema.
 * deploy/ is the one reference: DeployManifestsTest ties it to the spec (ports) and the operator's needs (rules),
 * this test ties the chart to it, so the two cannot drift.
 */
class HelmChartTest {

    static final Path DEFAULTS = HelmChart.ci("defaults-values.yaml");
    static final Path NAMESPACED = HelmChart.ci("namespaced-no-webhook-values.yaml");
    static final Path CLUSTER_METRICS = HelmChart.ci("cluster-metrics-values.yaml");
    static final List<Path> VALUES = List.of(DEFAULTS, NAMESPACED, CLUSTER_METRICS);

    /** The RBAC role of deploy/ that grants the operator's work (the other is the Lease's). */
    static final String LEASE_ROLE = "es-netpol-leader-election";

    static List<HasMetadata> kustomized;

    @BeforeAll
    static void kustomize() throws IOException {
        kustomized = Kustomization.build(Path.of("deploy"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static String key(HasMetadata o) {
        return o.getKind() + " " + (o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/") + o.getMetadata().getName();
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        List<T> found = all(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName() + " " + name);
        return found.get(0);
    }

    static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(HasMetadata::getKind).sorted().toList();
    }

    /** A rule list flattened to one "group resource verb" line per grant: equal lists grant the same, verb by verb. */
    static List<String> grants(List<PolicyRule> rules) {
        List<String> out = new ArrayList<>();
        for (PolicyRule r : rules) {
            assertTrue(r.getResourceNames() == null || r.getResourceNames().isEmpty(), "no resourceNames expected");
            assertTrue(r.getNonResourceURLs() == null || r.getNonResourceURLs().isEmpty(), "no non-resource URLs expected");
            for (String g : r.getApiGroups()) {
                for (String res : r.getResources()) {
                    for (String v : r.getVerbs()) {
                        out.add((g.isEmpty() ? "core" : g) + " " + res + " " + v);
                    }
                }
            }
        }
        return out.stream().sorted().toList();
    }

    static List<String> kustomizedOperatorGrants() {
        return grants(one(kustomized, ClusterRole.class, "es-netpol").getRules());
    }

    static Deployment deployment(List<HasMetadata> objects) {
        return one(objects, Deployment.class, "es-netpol");
    }

    static Container operatorContainer(List<HasMetadata> objects) {
        return deployment(objects).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The rendered args, read by the operator's own picocli command: an unknown or malformed flag fails here. */
    static CommandLine operatorCommandLine(List<HasMetadata> objects) {
        List<String> args = operatorContainer(objects).getArgs();
        assertEquals("operator", args.get(0));
        CommandLine cl = new CommandLine(new OperatorCommand());
        cl.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        return cl;
    }

    static GeneratorOptions generatorOptions(CommandLine cl) {
        return ((GeneratorOptionsMixin) cl.getMixins().get("generatorOptions")).toOptions();
    }

    static <T> T option(CommandLine cl, String name, T otherwise) {
        return cl.getParseResult().matchedOptionValue(name, otherwise);
    }

    /** An object without its labels (Helm adds its own: instance, chart, managed-by), for whole-object comparison. */
    static HasMetadata withoutLabels(HasMetadata o) {
        HasMetadata copy = Serialization.clone(o);
        copy.getMetadata().setLabels(null);
        return copy;
    }

    static Pod operatorPod(List<HasMetadata> objects) {
        return Pod.of(HelmChart.NAMESPACE, "es-netpol-0", deployment(objects).getSpec().getTemplate().getMetadata().getLabels());
    }

    static Connections tcp(int... ports) {
        PortSet set = PortSet.NONE;
        for (int p : ports) {
            set = set.union(PortSet.of(p));
        }
        return Connections.of("TCP", set);
    }

    static Connections dns(int... ports) {
        PortSet set = PortSet.NONE;
        for (int p : ports) {
            set = set.union(PortSet.of(p));
        }
        return Connections.of("TCP", set).union(Connections.of("UDP", set));
    }

    // ---- lint and the defaults -------------------------------------------------------------------------------

    @Test
    void helmLintsTheChartStrictly() {
        LintResult lint = HelmChart.lint();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        // the only remark allowed is Helm's wish for an icon
        assertEquals(List.of(), lint.getMessages().stream().filter(m -> !m.contains("icon is recommended")).toList());
    }

    /**
     * With no values the chart renders deploy/ object for object: same kinds, names and namespaces, and every
     * object equal field by field but for the labels Helm adds. The Namespace is left to Helm
     * ({@code helm install -n es-netpol --create-namespace}), which keeps the release record in it.
     */
    @Test
    void theDefaultsRenderWhatKustomizeBuildsObjectForObject() {
        List<HasMetadata> chart = HelmChart.objects(DEFAULTS);
        List<HasMetadata> expected = kustomized.stream().filter(o -> !o.getKind().equals("Namespace")).toList();
        assertEquals(expected.stream().map(HelmChartTest::key).sorted().toList(), chart.stream().map(HelmChartTest::key).sorted().toList());
        for (HasMetadata e : expected) {
            HasMetadata c = chart.stream().filter(o -> key(o).equals(key(e))).findFirst().orElseThrow();
            assertEquals(withoutLabels(e), withoutLabels(c), key(e) + " differs from deploy/");
            Map<String, String> chartLabels = c.getMetadata().getLabels() == null ? Map.of() : c.getMetadata().getLabels();
            Map<String, String> deployLabels = e.getMetadata().getLabels() == null ? Map.of() : e.getMetadata().getLabels();
            assertTrue(chartLabels.entrySet().containsAll(deployLabels.entrySet()), key(e) + " lost labels of deploy/: " + chartLabels);
        }
    }

    // ---- RBAC, verb by verb, under every values file ---------------------------------------------------------

    @Test
    void everyValuesFileGrantsTheOperatorExactlyWhatDeployGrantsVerbByVerb() {
        List<String> expected = kustomizedOperatorGrants();
        assertFalse(expected.stream().anyMatch(g -> g.contains("*")), "no wildcard in deploy/");
        Role lease = one(kustomized, Role.class, LEASE_ROLE);
        for (Path values : VALUES) {
            List<HasMetadata> chart = HelmChart.objects(values);
            assertEquals(grants(lease.getRules()), grants(one(chart, Role.class, LEASE_ROLE).getRules()), values + ": the Lease's role");
            assertEquals(HelmChart.NAMESPACE, one(chart, Role.class, LEASE_ROLE).getMetadata().getNamespace());
            List<ClusterRole> clusterRoles = all(chart, ClusterRole.class);
            List<Role> roles = all(chart, Role.class).stream().filter(r -> !r.getMetadata().getName().equals(LEASE_ROLE)).toList();
            if (values.equals(NAMESPACED)) {
                // Namespace-scoped: the one cluster-wide grant is reading the administrator's cluster-scoped policies
                // (a Role cannot grant a cluster-scoped kind); every namespaced grant is in the watched namespaces' Roles.
                List<String> clusterPolicyReads = expected.stream().filter(g -> g.startsWith("policy.networking.k8s.io ")).toList();
                assertEquals(6, clusterPolicyReads.size(), "list and watch of the three kinds");
                assertEquals(1, clusterRoles.size(), "namespace-scoped: one ClusterRole, read only");
                assertEquals(clusterPolicyReads, grants(clusterRoles.get(0).getRules()));
                assertEquals(List.of("ClusterRole", "ClusterRoleBinding"), kinds(chart).stream().filter(k -> k.startsWith("Cluster")).toList());
                List<String> namespaced = expected.stream().filter(g -> !clusterPolicyReads.contains(g)).toList();
                assertEquals(List.of("kafka", "kafka-dev"), roles.stream().map(r -> r.getMetadata().getNamespace()).toList());
                roles.forEach(r -> assertEquals(namespaced, grants(r.getRules()), values + ": Role in " + r.getMetadata().getNamespace()));
                for (RoleBinding b : all(chart, RoleBinding.class)) {
                    assertEquals(b.getMetadata().getName(), b.getRoleRef().getName(), "each binding binds its own role");
                    assertEquals("Role", b.getRoleRef().getKind());
                    assertEquals(List.of("ServiceAccount " + HelmChart.NAMESPACE + "/es-netpol"),
                            b.getSubjects().stream().map(s -> s.getKind() + " " + s.getNamespace() + "/" + s.getName()).toList());
                }
            } else {
                assertEquals(List.of(), roles, values + ": cluster-wide, no other Role");
                assertEquals(1, clusterRoles.size());
                assertEquals(expected, grants(clusterRoles.get(0).getRules()), values + ": the ClusterRole");
            }
        }
    }

    // ---- the namespace-scoped values, webhook off ------------------------------------------------------------

    @Test
    void namespaceScopedWithoutTheWebhook() {
        List<HasMetadata> chart = HelmChart.objects(NAMESPACED);
        assertEquals(List.of("ClusterRole", "ClusterRoleBinding", "Deployment", "NetworkPolicy", "Role", "Role", "Role", "RoleBinding",
                "RoleBinding", "RoleBinding", "ServiceAccount"), kinds(chart));

        CommandLine cl = operatorCommandLine(chart);
        assertEquals(List.of("kafka", "kafka-dev"), option(cl, "--namespaces", List.of()));
        assertNull(option(cl, "--webhook-cert", null), "no webhook, no certificate");
        assertTrue(cl.getParseResult().hasMatchedOption("--leader-election"));
        GeneratorOptions options = generatorOptions(cl);
        assertEquals(Map.of("team", "platform", "kubernetes.io/metadata.name", "es-netpol"), options.operatorNamespaceLabels());
        assertEquals(List.of(53, 5353), options.dnsPorts());
        assertTrue(options.egress());

        Container c = operatorContainer(chart);
        assertEquals(List.of(8080), c.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        assertEquals("200Mi", c.getResources().getRequests().get("memory").toString());
        assertFalse(deployment(chart).getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getSecret() != null));

        // in: 8080 only (nothing listens on 8081); out: DNS on both ports, the API server anywhere on 443/6443
        Analyzer a = analyzer(chart, List.of(Namespace.named("apps")), List.of(Pod.of("apps", "client", Map.of("app", "client"))));
        Pod operator = operatorPod(chart);
        assertEquals(tcp(8080), a.allowed(Node.of(Pod.of("apps", "client", Map.of("app", "client"))), Node.of(operator)));
        assertEquals(dns(53, 5353).union(tcp(443, 6443)), a.allowed(Node.of(operator), Node.ExternalNode.parse("10.96.0.1")));
    }

    // ---- the cluster-wide values with metrics peers ----------------------------------------------------------

    @Test
    void clusterWideWithMetricsPeersAndTheUsersCertificate() {
        List<HasMetadata> chart = HelmChart.objects(CLUSTER_METRICS);
        assertEquals(List.of("ClusterRole", "ClusterRoleBinding", "Deployment", "NetworkPolicy", "Role", "RoleBinding",
                "Service", "ServiceAccount", "ValidatingWebhookConfiguration"), kinds(chart), "no cert-manager objects");

        CommandLine cl = operatorCommandLine(chart);
        assertEquals(List.of(), option(cl, "--namespaces", List.of()), "all namespaces");
        assertEquals("/etc/es-netpol/webhook/tls.crt", option(cl, "--webhook-cert", Path.of("")).toString());
        assertEquals(List.of("10.96.0.1/32", "192.168.10.0/24"), generatorOptions(cl).apiServerCidrs());
        assertEquals(List.of(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                        .addToMatchLabels("kubernetes.io/metadata.name", "monitoring").endNamespaceSelector().build()),
                generatorOptions(cl).metricsFrom(), "eventStreamsMetricsFrom reaches the operator's --metrics-from");

        Container c = operatorContainer(chart);
        assertEquals("registry.example.com/es-netpol:0.1.0-rc1", c.getImage());
        var pod = deployment(chart).getSpec().getTemplate().getSpec();
        assertEquals(Map.of("node-role.kubernetes.io/infra", ""), pod.getNodeSelector());
        assertEquals("NoSchedule", pod.getTolerations().get(0).getEffect());
        assertEquals("my-webhook-tls", pod.getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow().getSecret().getSecretName());

        ValidatingWebhook hook = one(chart, ValidatingWebhookConfiguration.class, "es-netpol").getWebhooks().get(0);
        assertEquals("Ignore", hook.getFailurePolicy());
        assertFalse(hook.getClientConfig().getCaBundle().isEmpty());
        assertEquals(Map.of(), one(chart, ValidatingWebhookConfiguration.class, "es-netpol").getMetadata().getAnnotations(), "no cainjector without cert-manager");

        // in: Prometheus in monitoring reaches 8080 and 8081; anyone else, and any address, 8081 only
        Pod prometheus = Pod.of("monitoring", "prometheus-0", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod other = Pod.of("monitoring", "grafana-0", Map.of("app.kubernetes.io/name", "grafana"));
        Pod client = Pod.of("apps", "client", Map.of("app", "client"));
        Analyzer a = analyzer(chart, List.of(Namespace.named("monitoring"), Namespace.named("apps")), List.of(prometheus, other, client));
        Pod operator = operatorPod(chart);
        assertEquals(tcp(8080, 8081), a.allowed(Node.of(prometheus), Node.of(operator)));
        assertEquals(tcp(8081), a.allowed(Node.of(other), Node.of(operator)));
        assertEquals(tcp(8081), a.allowed(Node.of(client), Node.of(operator)));
        assertEquals(tcp(8081), a.allowed(Node.ExternalNode.parse("203.0.113.9"), Node.of(operator)));
        // out: the API server's blocks on 443/6443, DNS anywhere, and nothing else
        assertEquals(dns(53).union(tcp(443, 6443)), a.allowed(Node.of(operator), Node.ExternalNode.parse("10.96.0.1")));
        assertEquals(dns(53).union(tcp(443, 6443)), a.allowed(Node.of(operator), Node.ExternalNode.parse("192.168.10.7")));
        assertEquals(dns(53), a.allowed(Node.of(operator), Node.ExternalNode.parse("203.0.113.9")));
    }

    static Analyzer analyzer(List<HasMetadata> chart, List<Namespace> others, List<Pod> pods) {
        NetworkPolicy policy = one(chart, NetworkPolicy.class, "es-netpol-operator");
        List<Namespace> namespaces = new ArrayList<>(others);
        namespaces.add(Namespace.named(HelmChart.NAMESPACE));
        List<Pod> everyone = new ArrayList<>(pods);
        everyone.add(operatorPod(chart));
        return Analyzer.of(Cluster.of(namespaces, everyone, List.of(policy)));
    }

    // ---- ports under every values file -----------------------------------------------------------------------

    @Test
    void theWebhookServiceReachesTheContainersPortUnderEveryValuesFile() {
        Service deployService = one(kustomized, Service.class, "es-netpol-webhook");
        for (Path values : VALUES) {
            List<HasMetadata> chart = HelmChart.objects(values);
            List<Service> services = all(chart, Service.class);
            Container c = operatorContainer(chart);
            Map<String, Integer> containerPorts = new TreeMap<>();
            c.getPorts().forEach(p -> containerPorts.put(p.getName(), p.getContainerPort()));
            if (values.equals(NAMESPACED)) {
                assertEquals(List.of(), services);
                assertEquals(Map.of("metrics", 8080), containerPorts);
                continue;
            }
            assertEquals(Map.of("metrics", 8080, "webhook", 8081), containerPorts);
            Service s = services.get(0);
            assertEquals(deployService.getSpec().getPorts(), s.getSpec().getPorts(), values + ": the webhook Service's ports");
            assertTrue(deployment(chart).getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()));
            ServicePort https = s.getSpec().getPorts().get(0);
            assertEquals(8081, https.getTargetPort().getIntVal());
            var svcRef = one(chart, ValidatingWebhookConfiguration.class, "es-netpol").getWebhooks().get(0).getClientConfig().getService();
            assertEquals(s.getMetadata().getName() + " " + s.getMetadata().getNamespace() + " " + https.getPort(),
                    svcRef.getName() + " " + svcRef.getNamespace() + " " + svcRef.getPort());
        }
    }

    /** Namespace-scoped with the webhook on: the webhook is asked only about the watched namespaces' resources. */
    @Test
    void aNamespaceScopedWebhookSeesOnlyTheWatchedNamespaces() {
        List<HasMetadata> chart = Kustomization.parse(new com.marcnuri.helm.Helm(HelmChart.CHART).template()
                .withName(HelmChart.RELEASE).withNamespace(HelmChart.NAMESPACE).withValuesFile(DEFAULTS)
                .set("watchNamespaces[0]", "kafka").set("watchNamespaces[1]", "kafka-dev").call());
        var selector = one(chart, ValidatingWebhookConfiguration.class, "es-netpol").getWebhooks().get(0).getNamespaceSelector();
        assertEquals(1, selector.getMatchExpressions().size());
        var in = selector.getMatchExpressions().get(0);
        assertEquals("kubernetes.io/metadata.name In [kafka, kafka-dev]", in.getKey() + " " + in.getOperator() + " " + in.getValues());
        assertNull(one(HelmChart.objects(DEFAULTS), ValidatingWebhookConfiguration.class, "es-netpol").getWebhooks().get(0).getNamespaceSelector(),
                "cluster-wide: every namespace, as deploy/");
    }

    /** egress=false: the operator is told (--egress=false) and its own policy restricts ingress only. */
    @Test
    void egressOffLeavesEgressUnrestricted() {
        List<HasMetadata> chart = Kustomization.parse(new com.marcnuri.helm.Helm(HelmChart.CHART).template()
                .withName(HelmChart.RELEASE).withNamespace(HelmChart.NAMESPACE).withValuesFile(DEFAULTS).set("egress", false).call());
        assertFalse(generatorOptions(operatorCommandLine(chart)).egress());
        NetworkPolicy policy = one(chart, NetworkPolicy.class, "es-netpol-operator");
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        assertEquals(Connections.ALL, analyzer(chart, List.of(), List.of()).allowed(Node.of(operatorPod(chart)), Node.ExternalNode.parse("203.0.113.9")));
    }

    // ---- the schema ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad-type.yaml             | replicas: Invalid type. Expected: integer, given: string",
            "bad-unknown-key.yaml      | webhook: Additional property enable is not allowed",
            "bad-unknown-top-key.yaml  | (root): Additional property namespaces is not allowed",
            "bad-enum.yaml             | webhook.failurePolicy must be one of the following: \"Fail\", \"Ignore\"",
            "bad-ca-bundle.yaml        | webhook.caBundle: String length must be greater than or equal to 1",
            "bad-cidr.yaml             | apiServerCidr.0: Does not match pattern",
            "bad-dns-port.yaml         | dnsPorts.0: Invalid type. Expected: integer, given: string",
            "bad-metrics-peer.yaml     | metricsFrom.0: Additional property namespaceSelectr is not allowed",
            "bad-label-value.yaml      | operatorNamespaceLabels.team: Does not match pattern",
    })
    void badValuesAreRefusedByTheSchemaWithAMessage(String file, String expectedMessage) {
        Path values = Path.of("src/test/resources/helm").resolve(file);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HelmChart.template(values));
        String message = refused.getMessage();
        assertTrue(message.contains("values don't meet the specifications of the schema"), message);
        assertTrue(message.contains(expectedMessage), "expected '" + expectedMessage + "' in: " + message);
    }

    // ---- the CRDs ----------------------------------------------------------------------------------------------

    /** crds/ as Helm loads it holds the four CRDs of deploy/crds, object for object (CrdsTest generates both). */
    @Test
    void helmInstallsTheCrdsOfDeploy() throws IOException {
        List<HasMetadata> helm = Kustomization.parse(HelmChart.crds());
        List<HasMetadata> deploy = Kustomization.build(Path.of("deploy/crds"));
        assertEquals(4, deploy.size());
        assertEquals(deploy.stream().map(HelmChartTest::key).sorted().toList(),
                helm.stream().map(HelmChartTest::key).sorted().toList());
        for (HasMetadata d : deploy) {
            assertEquals(d, helm.stream().filter(h -> key(h).equals(key(d))).findFirst().orElseThrow(), key(d));
        }
    }
}
