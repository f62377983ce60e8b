package dev.esnetpol.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a rotation of the mounted files can look like, and which certificate is served through it. */
class ReloadingKeyManagerTest {

    private static void replace(Path from, Path to) throws Exception {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aRotationThatKeepsTheModificationTimesIsStillSeen(@TempDir Path dir, @TempDir Path next) throws Exception {
        SelfSignedCertificates.Issued first = SelfSignedCertificates.issue(dir, List.of("localhost"), Duration.ofDays(1));
        SelfSignedCertificates.Issued second = SelfSignedCertificates.issue(next, List.of("localhost"), Duration.ofDays(1));
        ReloadingKeyManager keys = new ReloadingKeyManager(first.certFile(), first.keyFile(), 0);
        FileTime certTime = Files.getLastModifiedTime(first.certFile());
        FileTime keyTime = Files.getLastModifiedTime(first.keyFile());

        // cp -p, tar, rsync -t, or two writes within the file system's timestamp granularity.
        replace(second.certFile(), first.certFile());
        replace(second.keyFile(), first.keyFile());
        Files.setLastModifiedTime(first.certFile(), certTime);
        Files.setLastModifiedTime(first.keyFile(), keyTime);

        assertEquals(second.certificate(), keys.currentCertificate());
    }

    @Test
    void aNewCertificateWithTheOldKeyIsNotServedUntilTheKeyFollows(@TempDir Path dir, @TempDir Path next) throws Exception {
        SelfSignedCertificates.Issued first = SelfSignedCertificates.issue(dir, List.of("localhost"), Duration.ofDays(1));
        SelfSignedCertificates.Issued second = SelfSignedCertificates.issue(next, List.of("localhost"), Duration.ofDays(1));
        ReloadingKeyManager keys = new ReloadingKeyManager(first.certFile(), first.keyFile(), 0);

        // The files are written one after the other: in between, the pair does not match.
        replace(second.certFile(), first.certFile());
        Files.setLastModifiedTime(first.certFile(), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertEquals(first.certificate(), keys.currentCertificate(), "a mismatched pair would fail every handshake");
        assertNotNull(keys.getPrivateKey(keys.chooseEngineServerAlias("EC", null, null)));

        replace(second.keyFile(), first.keyFile());
        Files.setLastModifiedTime(first.keyFile(), FileTime.fromMillis(System.currentTimeMillis() + 6_000));
        assertEquals(second.certificate(), keys.currentCertificate());
    }

    @Test
    void aHandshakeThatChoseAnAliasBeforeAReloadGetsAMatchingChainAndKey(@TempDir Path dir, @TempDir Path next) throws Exception {
        SelfSignedCertificates.Issued first = SelfSignedCertificates.issue(dir, List.of("localhost"), Duration.ofDays(1));
        SelfSignedCertificates.Issued second = SelfSignedCertificates.issue(next, List.of("localhost"), Duration.ofDays(1));
        ReloadingKeyManager keys = new ReloadingKeyManager(first.certFile(), first.keyFile(), 0);
        String chosen = keys.chooseEngineServerAlias("EC", null, null);

        replace(second.certFile(), first.certFile());
        replace(second.keyFile(), first.keyFile());
        keys.chooseEngineServerAlias("EC", null, null); // another handshake triggers the reload

        X509Certificate[] chain = keys.getCertificateChain(chosen);
        assertEquals(first.certificate(), chain[0], "the alias chosen before the reload still names the old pair");
        assertEquals(first.certificate().getPublicKey(), chain[0].getPublicKey());
        assertNotNull(keys.getPrivateKey(chosen));
    }
}
