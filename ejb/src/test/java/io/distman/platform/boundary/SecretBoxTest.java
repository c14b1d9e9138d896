package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.control.InstallationKeys;
import io.distman.platform.control.KeyFile;
import io.distman.platform.entity.SecretBoxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String SECRET = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private static final String PURPOSE = "dkim:12:example.org";

    @TempDir
    Path dir;

    static String keyLine(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + "=" + Base64.getEncoder().encodeToString(key) + "\n";
    }

    private static SecretBox box(String keyLines) {
        InstallationKeys keys = InstallationKeys.parse(keyLines, "test keys");
        return new SecretBox(() -> keys);
    }

    @Test
    void opensWhatItSealedAndTheSealedFormNamesVersionAndKeyButNotTheSecret() {
        SecretBox box = box(keyLine("k1"));
        String sealed = box.seal(SECRET, PURPOSE);
        assertTrue(sealed.startsWith("v1:k1:"), sealed);
        assertFalse(sealed.contains(SECRET));
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(SecretBox.isSealed(SECRET));
        assertEquals(SECRET, box.open(sealed, PURPOSE));
        assertEquals("Grüße ✓", box.open(box.seal("Grüße ✓", PURPOSE), PURPOSE));
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        SecretBox box = box(keyLine("k1"));
        assertNotEquals(box.seal(SECRET, PURPOSE), box.seal(SECRET, PURPOSE)); // a fresh nonce each time
    }

    @Test
    void refusesAnAlteredValue() {
        SecretBox box = box(keyLine("k1"));
        String sealed = box.seal(SECRET, PURPOSE);
        byte[] data = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        data[data.length - 20] ^= 1; // one bit of the ciphertext
        String altered = "v1:k1:" + Base64.getEncoder().encodeToString(data);
        SecretBoxException e = assertThrows(SecretBoxException.class, () -> box.open(altered, PURPOSE));
        assertTrue(e.getMessage().contains("does not open"), e.getMessage());
        assertThrows(SecretBoxException.class, () -> box.open(sealed.substring(0, sealed.length() - 8), PURPOSE));
        assertThrows(SecretBoxException.class, () -> box.open("v1:k1:not base64!", PURPOSE));
    }

    @Test
    void refusesAnotherPurpose() {
        SecretBox box = box(keyLine("k1"));
        String sealed = box.seal(SECRET, "mailgun:1");
        SecretBoxException e = assertThrows(SecretBoxException.class, () -> box.open(sealed, "mailgun:2"));
        assertTrue(e.getMessage().contains("mailgun:2") && e.getMessage().contains("another purpose"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void refusesPlaintextAndAWrongKeyUnderTheSameId() {
        String sealed = box(keyLine("k1")).seal(SECRET, PURPOSE);
        assertThrows(SecretBoxException.class, () -> box(keyLine("k1")).open(sealed, PURPOSE));
        SecretBoxException plain = assertThrows(SecretBoxException.class, () -> box(keyLine("k1")).open(SECRET, PURPOSE));
        assertTrue(plain.getMessage().contains("not sealed"), plain.getMessage());
    }

    @Test
    void aNewerKeySealsWhileTheOlderStillOpensAndResealMovesValuesToTheNewest() {
        String old = keyLine("2026-01");
        String sealedOld = box(old).seal(SECRET, PURPOSE);

        SecretBox rotated = box(old + keyLine("2026-12"));
        assertEquals(SECRET, rotated.open(sealedOld, PURPOSE));
        assertTrue(rotated.seal(SECRET, PURPOSE).startsWith("v1:2026-12:"));
        assertTrue(rotated.sealedWithOlderKey(sealedOld));

        String moved = rotated.reseal(sealedOld, PURPOSE);
        assertTrue(moved.startsWith("v1:2026-12:"), moved);
        assertFalse(rotated.sealedWithOlderKey(moved));
        assertEquals(moved, rotated.reseal(moved, PURPOSE)); // already on the newest: left alone
        assertEquals(SECRET, rotated.open(moved, PURPOSE));
    }

    @Test
    void aRemovedKeyIsNamedWhenSomethingStillNeedsIt() {
        String sealedOld = box(keyLine("2026-01")).seal(SECRET, PURPOSE);
        SecretBoxException e = assertThrows(SecretBoxException.class, () -> box(keyLine("2026-12")).open(sealedOld, PURPOSE));
        assertTrue(e.getMessage().contains("'2026-01'") && e.getMessage().contains("not configured"), e.getMessage());
    }

    @Test
    void theKeyFileIsReadAgainWhenAKeyIsAppended() throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# installation keys, newest last\n" + keyLine("a"));
        SecretBox box = new SecretBox(new KeyFile(file)::keys);
        String sealed = box.seal(SECRET, PURPOSE);
        Files.writeString(file, Files.readString(file) + keyLine("b"));
        assertTrue(box.seal(SECRET, PURPOSE).startsWith("v1:b:"));
        assertEquals(SECRET, box.open(sealed, PURPOSE));
    }

    @Test
    void aMissingOrBrokenKeyFileIsNamedWithoutShowingItsContent() throws Exception {
        Path file = dir.resolve("missing");
        SecretBoxException missing = assertThrows(SecretBoxException.class,
                () -> new SecretBox(new KeyFile(file)::keys).seal(SECRET, PURPOSE));
        assertTrue(missing.getMessage().contains("No installation key") && missing.getMessage().contains(file.toString()));

        SecretBoxException shortKey = assertThrows(SecretBoxException.class,
                () -> InstallationKeys.parse("k=c2hvcnRrZXk=", "f"));
        assertEquals("f line 1: the key must be 32 bytes (AES-256), not 8", shortKey.getMessage());
        assertThrows(SecretBoxException.class, () -> InstallationKeys.parse("# nothing\n", "f"));
        assertThrows(SecretBoxException.class, () -> InstallationKeys.parse(keyLine("k") + keyLine("k"), "f"));
        assertThrows(SecretBoxException.class, () -> InstallationKeys.parse("no equals sign", "f"));
    }
}
