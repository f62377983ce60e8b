package dev.esnetpol.cli;

import dev.esnetpol.webhook.SelfSignedCertificates;
import dev.esnetpol.webhook.WebhookConfig;
import dev.esnetpol.webhook.WebhookServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code es-netpol webhook}: the validating admission webhook on 8081, standing alone. */
@Command(name = "webhook", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve the validating admission webhook for Event Streams resources.",
        description = "Serve the validating admission webhook (admission.k8s.io/v1) on HTTPS /validate: EventStreams, KafkaConnect, KafkaMirrorMaker2 and EventStreamsGeoReplicator resources that render would refuse are denied at kubectl apply, with every problem and its field path; risky but legal choices get warnings. The certificate and key files are re-read when they change (cert-manager rotation needs no restart).",
        versionProvider = VersionProvider.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  es-netpol webhook --cert /etc/webhook/tls.crt --key /etc/webhook/tls.key",
                "  es-netpol webhook --self-signed --port 8443 --dns-name localhost",
                "",
                "deploy/webhook/ holds the ValidatingWebhookConfiguration, Service and cert-manager wiring (docs/webhook.md).",
                "",
                "Exit codes: 0 stopped cleanly, 2 bad options or certificate."})
public final class WebhookCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTPS port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = dev.esnetpol.catalogue.Catalogue.VALIDATOR_PORT;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Tls tls;

    static final class Tls {
        @ArgGroup(exclusive = false)
        CertFiles files;

        @Option(names = "--self-signed", required = true, description = "Generate a CA and a serving certificate (local use); prints the CA bundle.")
        boolean selfSigned;
    }

    static final class CertFiles {
        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "PEM certificate chain (tls.crt).")
        Path cert;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "PEM private key (tls.key).")
        Path key;
    }

    @Option(names = "--dns-name", paramLabel = "NAME", split = ",",
            description = "With --self-signed: names and addresses of the certificate (default localhost, 127.0.0.1).")
    List<String> dnsNames;

    @Option(names = "--ca-out", paramLabel = "FILE", description = "With --self-signed: also write the CA certificate (PEM) here.")
    Path caOut;

    @Mixin
    GeneratorOptionsMixin generation;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile int boundPort = -1;

    @Override
    public Integer call() throws Exception {
        Path cert;
        Path key;
        PrintWriter err = spec.commandLine().getErr();
        if (tls.selfSigned) {
            List<String> names = dnsNames == null || dnsNames.isEmpty() ? List.of("localhost", "127.0.0.1") : new ArrayList<>(dnsNames);
            Path dir = java.nio.file.Files.createTempDirectory("es-netpol-webhook");
            SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(dir, names, Duration.ofDays(30));
            cert = issued.certFile();
            key = issued.keyFile();
            err.println("es-netpol: self-signed certificate for " + names + " in " + dir);
            err.println("es-netpol: CA bundle (PEM):");
            err.print(issued.caPem());
            err.println("es-netpol: caBundle for the ValidatingWebhookConfiguration: "
                    + Base64.getEncoder().encodeToString(issued.caPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            if (caOut != null) {
                java.nio.file.Files.writeString(caOut, issued.caPem());
            }
        } else {
            cert = tls.files.cert;
            key = tls.files.key;
        }
        WebhookConfig config = new WebhookConfig(port, bind, cert, key, WebhookConfig.DEFAULT_THREADS, WebhookConfig.DEFAULT_MAX_BODY,
                generation.toOptions());
        try (WebhookServer server = WebhookServer.start(config)) {
            err.println("es-netpol: webhook listening on https://" + bind + ":" + server.port() + "/validate");
            err.flush();
            boundPort = server.port();
            Thread hook = new Thread(this::stop, "webhook-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } finally {
                boundPort = -1;
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is what stopped us
                }
            }
        }
        return ExitCodes.OK;
    }

    /** Ends a running {@link #call()}, as a signal does through the shutdown hook (tests). */
    void stop() {
        stop.countDown();
    }

    /** The port being served, or -1 before the server has started and after it stopped. */
    int boundPort() {
        return boundPort;
    }
}
