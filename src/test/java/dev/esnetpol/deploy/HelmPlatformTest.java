package dev.esnetpol.deploy;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Platform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chart's {@code platform} value: the operator's {@code --platform}, and OpenShift's DNS port in the operator's own policy. */
class HelmPlatformTest {

    @Test
    void openShiftReachesTheOperatorAndItsOwnPolicy() {
        List<HasMetadata> chart = HelmChart.objects(HelmChart.ci("openshift-values.yaml"));
        CommandLine cl = HelmChartTest.operatorCommandLine(chart);
        assertEquals(Optional.of(Platform.OPENSHIFT), HelmChartTest.generatorOptions(cl).platform().forced());
        Analyzer a = HelmChartTest.analyzer(chart, List.of(), List.of());
        Pod operator = HelmChartTest.operatorPod(chart);
        assertEquals(HelmChartTest.dns(53, 5353).union(HelmChartTest.tcp(443, 6443)),
                a.allowed(Node.of(operator), Node.ExternalNode.parse("203.0.113.9")));
    }

    @Test
    void byDefaultTheOperatorDecidesAndTheOwnPolicyOpens53() {
        List<HasMetadata> chart = HelmChart.objects(HelmChartTest.DEFAULTS);
        assertEquals(Optional.empty(), HelmChartTest.generatorOptions(HelmChartTest.operatorCommandLine(chart)).platform().forced());
        Analyzer a = HelmChartTest.analyzer(chart, List.of(), List.of());
        assertEquals(HelmChartTest.dns(53).union(HelmChartTest.tcp(443, 6443)),
                a.allowed(Node.of(HelmChartTest.operatorPod(chart)), Node.ExternalNode.parse("203.0.113.9")));
    }
}
