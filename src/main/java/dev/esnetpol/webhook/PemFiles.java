package dev.esnetpol.webhook;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Certificates and keys in PEM, as cert-manager and kubectl write them (PKCS#8, PKCS#1 RSA, SEC1 EC keys). */
public final class PemFiles {

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) throws IOException {
        return certificates(file, Files.readAllBytes(file));
    }

    /** The certificates of {@code pem}, read from {@code file} earlier (named in errors). */
    public static List<X509Certificate> certificates(Path file, byte[] pem) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (Reader r = new StringReader(new String(pem, StandardCharsets.US_ASCII)); PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    out.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no PEM certificate found");
        }
        return out;
    }

    public static PrivateKey privateKey(Path file) throws IOException {
        return privateKey(file, Files.readAllBytes(file));
    }

    /** The private key of {@code pem}, read from {@code file} earlier (named in errors). */
    public static PrivateKey privateKey(Path file, byte[] pem) throws IOException {
        try (Reader r = new StringReader(new String(pem, StandardCharsets.US_ASCII)); PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
                if (o instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        }
        throw new IOException(file + ": no PEM private key found (encrypted keys are not supported)");
    }

    /**
     * Whether {@code key} is the private half of the certificate's public key, found by signing and verifying
     * a probe: works for RSA, EC and EdDSA alike, without arithmetic on key internals.
     */
    public static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
        }
        try {
            byte[] probe = "es-netpol key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
