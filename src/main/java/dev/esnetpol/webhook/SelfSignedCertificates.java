package dev.esnetpol.webhook;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A throwaway certificate authority and a serving certificate signed by it, for running the webhook
 * locally or in tests ({@code --self-signed}); on a cluster, cert-manager issues the real one.
 */
public final class SelfSignedCertificates {

    /** The CA (to put in the webhook configuration's caBundle) and the files the server reads. */
    public record Issued(X509Certificate ca, X509Certificate certificate, Path certFile, Path keyFile) {
        public String caPem() {
            return PemFiles.pem(ca);
        }

        /** A TLS context that trusts this CA only: what a client of the webhook (a test, the load test) uses. */
        public javax.net.ssl.SSLContext clientContext() throws GeneralSecurityException, IOException {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        }
    }

    private SelfSignedCertificates() {
    }

    public static Issued issue(Path directory, List<String> dnsNames, Duration validity) throws IOException, GeneralSecurityException {
        try {
            KeyPair caKeys = keys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=es-netpol webhook CA");
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(ca.build(signer(caKeys)));

            KeyPair serverKeys = keys();
            List<GeneralName> names = new ArrayList<>();
            for (String n : dnsNames) {
                names.add(n.matches("[0-9.]+|.*:.*") ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
            }
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), new X500Name("CN=" + (dnsNames.isEmpty() ? "es-netpol-webhook" : dnsNames.get(0))),
                    serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            X509Certificate serverCert = new JcaX509CertificateConverter().getCertificate(server.build(signer(caKeys)));

            Files.createDirectories(directory);
            Path certFile = directory.resolve("tls.crt");
            Path keyFile = directory.resolve("tls.key");
            Files.writeString(certFile, PemFiles.pem(serverCert, caCert));
            // PKCS#8 ("PRIVATE KEY"), as cert-manager writes it with encoding: PKCS8.
            Files.writeString(keyFile, PemFiles.pem(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", serverKeys.getPrivate().getEncoded())));
            return new Issued(caCert, serverCert, certFile, keyFile);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static org.bouncycastle.operator.ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }
}
