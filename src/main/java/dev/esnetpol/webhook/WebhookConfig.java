package dev.esnetpol.webhook;

import dev.esnetpol.generate.GeneratorOptions;

import java.nio.file.Path;

/**
 * How the webhook server runs.
 *
 * @param port            the HTTPS port (8081 in the spec; 0 picks a free one)
 * @param bindAddress     where to listen ("0.0.0.0" in a pod, "127.0.0.1" for local use)
 * @param certFile        PEM certificate chain, re-read when it changes
 * @param keyFile         PEM private key, re-read when it changes
 * @param threads         requests handled at once; a slow client holds one until the request timeout
 * @param maxBodyBytes    larger requests are refused with 413 (the API server itself sends at most 3 MiB)
 * @param options         the generator options the operator runs with (for the egress warning)
 */
public record WebhookConfig(int port, String bindAddress, Path certFile, Path keyFile, int threads, int maxBodyBytes,
                            GeneratorOptions options) {

    public static final int DEFAULT_PORT = dev.esnetpol.catalogue.Catalogue.VALIDATOR_PORT;
    public static final int DEFAULT_MAX_BODY = 3 * 1024 * 1024;
    /**
     * Sized for stalled clients, not for CPU (a decision takes well under a millisecond): a thread blocked on
     * a slow client costs little, and the more there are, the more stalled connections it takes to delay others.
     */
    public static final int DEFAULT_THREADS = 64;

    public static WebhookConfig of(int port, Path certFile, Path keyFile, GeneratorOptions options) {
        return new WebhookConfig(port, "0.0.0.0", certFile, keyFile, DEFAULT_THREADS, DEFAULT_MAX_BODY, options);
    }
}
