package io.distman.platform.boundary;

import io.distman.platform.control.InstallationKeys;
import io.distman.platform.control.KeyFile;
import io.distman.platform.entity.SecretBoxException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage with the installation key, which the server supplies and the database never
 * holds (a copy of the database alone opens nothing). AES-256-GCM from the JDK with a random 96-bit nonce;
 * the purpose (e.g. {@code dkim:12:example.org}) is bound as associated data, so a sealed value copied into
 * another row or account does not open there.
 *
 * <p>Sealed form: {@code v1:<keyId>:<base64(nonce | ciphertext and tag)>}. The key id lets the key be
 * rotated: the newest configured key seals, any configured key opens, and {@link #reseal} moves a value to
 * the newest (see {@code SecretReseal}).
 *
 * <p>Keys: the file named by {@code -Ddistman.secrets.keyFile}, by default
 * {@code <domain>/config/distman-installation.keys}; one {@code <id>=<base64 32 bytes>} a line, newest last
 * (README, "Secrets at rest").
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // stateless apart from the key file's own lock
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@PermitAll // the application's own code seals and opens its stored secrets, with or without a caller
public class SecretBox {

    public static final String KEY_FILE_SETTING = "distman.secrets.keyFile";
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<InstallationKeys> keys;

    public SecretBox() {
        this(new KeyFile(keyFilePath())::keys);
    }

    /** For tests: keys from elsewhere than the server's key file. */
    public SecretBox(Supplier<InstallationKeys> keys) {
        this.keys = keys;
    }

    /** Where the server's key file is: {@code -Ddistman.secrets.keyFile}, else the domain's config folder. */
    public static Path keyFilePath() {
        String configured = Settings.string(KEY_FILE_SETTING, null);
        if (configured != null) {
            return Path.of(configured);
        }
        String instanceRoot = Settings.string("com.sun.aas.instanceRoot", null);
        if (instanceRoot == null) {
            throw new SecretBoxException("No installation key: set -D" + KEY_FILE_SETTING
                    + " to the key file (outside GlassFish there is no domain config folder to look in)");
        }
        return Path.of(instanceRoot, "config", "distman-installation.keys");
    }

    public String seal(String plaintext, String purpose) {
        requirePurpose(purpose);
        if (plaintext == null) {
            throw new IllegalArgumentException("Nothing to seal for " + purpose);
        }
        InstallationKeys ring = keys.get();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = VERSION + ":" + ring.newestId() + ":";
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, ring.newest(), nonce, header, purpose,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return header + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    public String open(String sealed, String purpose) {
        requirePurpose(purpose);
        Parts parts = Parts.of(sealed, purpose);
        SecretKey key = keys.get().find(parts.keyId()).orElseThrow(() -> new SecretBoxException("The secret for "
                + purpose + " was sealed with installation key '" + parts.keyId()
                + "', which is not configured (any more): add it back to the key file"));
        byte[] plain = crypt(Cipher.DECRYPT_MODE, key, parts.nonce(), parts.header(), purpose, parts.ciphertext());
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** True when {@code value} has the sealed form (it may still fail to open); false for plaintext. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(VERSION + ":") && value.indexOf(':', VERSION.length() + 1) > 0;
    }

    /** The id of the key that seals now (the last in the key file). */
    public String newestKeyId() {
        return keys.get().newestId();
    }

    /** True when {@code sealed} was sealed with another key than the newest (so {@link #reseal} would move it). */
    public boolean sealedWithOlderKey(String sealed) {
        return !Parts.of(sealed, "a check").keyId().equals(keys.get().newestId());
    }

    /** The same secret sealed with the newest key; unchanged when it already is. */
    public String reseal(String sealed, String purpose) {
        return sealedWithOlderKey(sealed) ? seal(open(sealed, purpose), purpose) : sealed;
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String header, String purpose, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            // The header is bound too, so the key id cannot be swapped without the tag failing.
            cipher.updateAAD((header + purpose).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("The secret for " + purpose + " does not open: it was altered, sealed for"
                    + " another purpose, or the installation key with its id was replaced by a different one", e);
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("AES-256-GCM failed for " + purpose + ": " + e.getMessage(), e);
        }
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A sealed secret needs a purpose (e.g. mailgun:12)");
        }
    }

    private record Parts(String keyId, byte[] nonce, byte[] ciphertext) {

        static Parts of(String sealed, String purpose) {
            if (!isSealed(sealed)) {
                throw new SecretBoxException("The stored secret for " + purpose + " is not sealed (expected "
                        + VERSION + ":<key id>:<data>)");
            }
            int idEnd = sealed.indexOf(':', VERSION.length() + 1);
            byte[] data;
            try {
                data = Base64.getDecoder().decode(sealed.substring(idEnd + 1));
            } catch (IllegalArgumentException e) {
                throw new SecretBoxException("The stored secret for " + purpose + " is damaged (not base64)", e);
            }
            if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretBoxException("The stored secret for " + purpose + " is damaged (too short)");
            }
            byte[] nonce = Arrays.copyOfRange(data, 0, NONCE_BYTES);
            byte[] ciphertext = Arrays.copyOfRange(data, NONCE_BYTES, data.length);
            return new Parts(sealed.substring(VERSION.length() + 1, idEnd), nonce, ciphertext);
        }

        String header() {
            return VERSION + ":" + keyId + ":";
        }
    }
}
