package dev.esnetpol.webhook;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Logger;

/**
 * Serves the certificate and key of two PEM files and picks up new ones when the files change, so that
 * cert-manager's rotation (it rewrites the mounted Secret) needs no restart. The files are checked at most
 * every {@code checkIntervalMillis}, on a handshake; a half-written or broken pair is ignored and the
 * previous one kept, with a log line, until a good pair appears.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class.getName());
    private static final char[] PASSWORD = new char[0];

    private final Path certFile;
    private final Path keyFile;
    private final long checkIntervalMillis;
    private volatile X509ExtendedKeyManager delegate;
    private volatile FileTime certTime;
    private volatile FileTime keyTime;
    private volatile long lastCheck;

    public ReloadingKeyManager(Path certFile, Path keyFile, long checkIntervalMillis) throws IOException, GeneralSecurityException {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.checkIntervalMillis = checkIntervalMillis;
        load();
    }

    private void load() throws IOException, GeneralSecurityException {
        FileTime c = Files.getLastModifiedTime(certFile);
        FileTime k = Files.getLastModifiedTime(keyFile);
        List<X509Certificate> chain = PemFiles.certificates(certFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("webhook", key, PASSWORD, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        this.delegate = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        this.certTime = c;
        this.keyTime = k;
    }

    private void maybeReload() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < checkIntervalMillis) {
            return;
        }
        lastCheck = now;
        try {
            if (!Files.getLastModifiedTime(certFile).equals(certTime) || !Files.getLastModifiedTime(keyFile).equals(keyTime)) {
                synchronized (this) {
                    load();
                }
                LOG.info("reloaded TLS certificate from " + certFile);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning("keeping the previous TLS certificate: cannot load " + certFile + " / " + keyFile + ": " + e.getMessage());
        }
    }

    /** The certificate served now (tests and the self-signed mode use it). */
    public X509Certificate currentCertificate() {
        maybeReload();
        return delegate.getCertificateChain("webhook")[0];
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        maybeReload();
        return delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        maybeReload();
        return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
