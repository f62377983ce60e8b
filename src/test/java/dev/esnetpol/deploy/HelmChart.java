package dev.esnetpol.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * deploy/helm/es-netpol through Helm's own Go library (helm-java): lint, template, show crds. What a team running
 * {@code helm install} gets is what these calls return, schema validation of the values included.
 */
final class HelmChart {

    static final Path CHART = Path.of("deploy/helm/es-netpol");
    /** The release and namespace deploy/ is written for, so that the names of both can be compared one to one. */
    static final String RELEASE = "es-netpol";
    static final String NAMESPACE = "es-netpol";

    private HelmChart() {
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /** {@code helm template es-netpol deploy/helm/es-netpol -n es-netpol -f values}: the rendered YAML. */
    static String template(Path values) {
        return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(values).call();
    }

    static List<HasMetadata> objects(Path values) {
        return Kustomization.parse(template(values));
    }

    /** {@code helm show crds}: the chart's crds/ as Helm loads them (installed before the templates, never templated). */
    static String crds() {
        return new Helm(CHART).show().crds().call();
    }

    static Path ci(String name) {
        return CHART.resolve("ci").resolve(name);
    }
}
