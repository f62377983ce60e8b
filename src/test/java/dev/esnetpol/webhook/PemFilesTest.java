package dev.esnetpol.webhook;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key formats a mounted Secret can hold, and the check that a key belongs to its certificate. */
class PemFilesTest {

    private static X509Certificate selfSigned(KeyPair pair, String algorithm) throws Exception {
        X500Name name = new X500Name("CN=pem-test");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                new Date(), new Date(System.currentTimeMillis() + 3_600_000), name, pair.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
    }

    @Test
    void readsRsaKeysAsPkcs1AndPkcs8AndTellsWhoseKeyItIs(@TempDir Path dir) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        KeyPair other = rsa.generateKeyPair();
        X509Certificate cert = selfSigned(pair, "SHA256withRSA");
        Path pkcs1 = Files.writeString(dir.resolve("pkcs1.key"), PemFiles.pem(pair.getPrivate()));
        Path pkcs8 = Files.writeString(dir.resolve("pkcs8.key"), PemFiles.pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()));

        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(pkcs8).contains("BEGIN PRIVATE KEY"));
        assertEquals(pair.getPrivate(), PemFiles.privateKey(pkcs1));
        assertEquals(pair.getPrivate(), PemFiles.privateKey(pkcs8));
        assertTrue(PemFiles.belongTogether(cert, pair.getPrivate()));
        assertFalse(PemFiles.belongTogether(cert, other.getPrivate()));
    }

    @Test
    void readsEcKeysAndRefusesWhatIsNotAKeyOrACertificate(@TempDir Path dir) throws Exception {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(dir, List.of("localhost"), Duration.ofDays(1));
        SelfSignedCertificates.Issued other = SelfSignedCertificates.issue(dir.resolve("other"), List.of("localhost"), Duration.ofDays(1));

        assertTrue(PemFiles.belongTogether(issued.certificate(), PemFiles.privateKey(issued.keyFile())));
        assertFalse(PemFiles.belongTogether(issued.certificate(), PemFiles.privateKey(other.keyFile())));
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not PEM at all\n");
        assertThrows(IOException.class, () -> PemFiles.certificates(junk));
        assertThrows(IOException.class, () -> PemFiles.privateKey(junk));
        assertThrows(IOException.class, () -> PemFiles.privateKey(issued.certFile()), "a certificate is not a key");
    }
}
