package dev.esnetpol.webhook;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Serves the certificate and key of two PEM files and picks up new ones when the files change, so that
 * cert-manager's rotation (it rewrites the mounted Secret) needs no restart. The files are checked at most
 * every {@code checkIntervalMillis}, on a handshake.
 *
 * <p>Three things a rotation can do that decide how:
 * <ul>
 *   <li>Keep the modification times ({@code cp -p}, tar, two writes within the file system's timestamp
 *       granularity): so the files' bytes are compared, not their times. Two small files every few seconds
 *       cost nothing.</li>
 *   <li>Be seen half done (the new certificate with the old key, or a truncated file): such a pair would fail
 *       every handshake, so it is refused, logged once, and the previous pair served until a good one appears.</li>
 *   <li>Happen during a handshake, between its choice of alias and its reading of chain and key: each pair
 *       loaded gets its own alias and the previous pair stays reachable, so the two always belong together.</li>
 * </ul>
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class.getName());
    private static final char[] PASSWORD = new char[0];

    /** One loaded pair: the bytes it came from, and a key manager holding it under its own alias. */
    private record Pair(String alias, byte[] certBytes, byte[] keyBytes, X509ExtendedKeyManager delegate) {
    }

    private final Path certFile;
    private final Path keyFile;
    private final long checkIntervalMillis;
    private final AtomicInteger loads = new AtomicInteger();
    private volatile Pair current;
    private volatile Pair previous;
    private volatile long lastCheck;
    // The last pair refused, so that a broken rotation is logged once rather than at every check.
    private byte[] refusedCert = new byte[0];
    private byte[] refusedKey = new byte[0];

    public ReloadingKeyManager(Path certFile, Path keyFile, long checkIntervalMillis) throws IOException, GeneralSecurityException {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.checkIntervalMillis = checkIntervalMillis;
        this.current = load(Files.readAllBytes(certFile), Files.readAllBytes(keyFile));
        this.lastCheck = System.currentTimeMillis();
    }

    private Pair load(byte[] certBytes, byte[] keyBytes) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.certificates(certFile, certBytes);
        PrivateKey key = PemFiles.privateKey(keyFile, keyBytes);
        if (!PemFiles.belongTogether(chain.get(0), key)) {
            throw new GeneralSecurityException("the key in " + keyFile + " does not belong to the certificate in " + certFile
                    + " (" + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        String alias = "webhook-" + loads.incrementAndGet();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        return new Pair(alias, certBytes, keyBytes, (X509ExtendedKeyManager) kmf.getKeyManagers()[0]);
    }

    private void maybeReload() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < checkIntervalMillis) {
            return;
        }
        synchronized (this) {
            lastCheck = now;
            byte[] cert;
            byte[] key;
            try {
                cert = Files.readAllBytes(certFile);
                key = Files.readAllBytes(keyFile);
            } catch (IOException e) {
                LOG.warning("keeping the previous TLS certificate: cannot read " + certFile + " / " + keyFile + ": " + e.getMessage());
                return;
            }
            Pair served = current;
            if (Arrays.equals(cert, served.certBytes()) && Arrays.equals(key, served.keyBytes())
                    || Arrays.equals(cert, refusedCert) && Arrays.equals(key, refusedKey)) {
                return;
            }
            try {
                Pair next = load(cert, key);
                previous = served;
                current = next;
                LOG.info("reloaded TLS certificate from " + certFile);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                refusedCert = cert;
                refusedKey = key;
                LOG.warning("keeping the previous TLS certificate: cannot use " + certFile + " / " + keyFile + ": " + e.getMessage());
            }
        }
    }

    private X509ExtendedKeyManager holding(String alias) {
        Pair now = current;
        if (now.alias().equals(alias)) {
            return now.delegate();
        }
        Pair before = previous;
        return before != null && before.alias().equals(alias) ? before.delegate() : null;
    }

    /** The certificate served now (tests and the self-signed mode use it). */
    public X509Certificate currentCertificate() {
        maybeReload();
        Pair now = current;
        return now.delegate().getCertificateChain(now.alias())[0];
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        maybeReload();
        return current.delegate().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        maybeReload();
        return current.delegate().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        X509ExtendedKeyManager holder = holding(alias);
        return holder == null ? null : holder.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        X509ExtendedKeyManager holder = holding(alias);
        return holder == null ? null : holder.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current.delegate().getServerAliases(keyType, issuers);
    }

    // A server never presents a client certificate.
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
