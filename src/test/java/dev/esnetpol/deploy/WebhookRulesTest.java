package dev.esnetpol.deploy;

import dev.esnetpol.model.ResourceReader;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ValidatingWebhookConfiguration sends the webhook every apiVersion of every kind es-netpol reads (10.x v1beta1 to 13.0 v1). */
class WebhookRulesTest {

    @Test
    void everyVersionOfEveryKindReachesTheWebhook() throws IOException {
        ValidatingWebhookConfiguration config = Serialization.unmarshal(
                Files.readString(Path.of("deploy/webhook/validatingwebhookconfiguration.yaml")), ValidatingWebhookConfiguration.class);
        for (Map.Entry<String, java.util.List<String>> kind : ResourceReader.API_VERSIONS.entrySet()) {
            String singular = kind.getKey().toLowerCase(Locale.ROOT);
            String plural = singular.endsWith("s") ? singular : singular + "s";
            for (String apiVersion : kind.getValue()) {
                String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
                boolean covered = config.getWebhooks().stream().flatMap(w -> w.getRules().stream())
                        .anyMatch((RuleWithOperations r) -> r.getResources().contains(plural) && r.getApiVersions().contains(version));
                assertTrue(covered, kind.getKey() + " " + version + " does not reach the webhook");
            }
        }
    }
}
