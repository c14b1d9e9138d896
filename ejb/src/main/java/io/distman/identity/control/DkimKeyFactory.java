package io.distman.identity.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * New DKIM key pairs: RSA 2048 (RFC 8301's floor is 1024, 2048 is what receivers expect today and still
 * fits a DNS TXT record), and a selector {@code dm<yyyymm><4 random>}: the month tells the admin how old a
 * key is, the random tail keeps two rotations in one month, or two accounts on one domain, apart.
 */
public final class DkimKeyFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);

    private DkimKeyFactory() {
    }

    /** A new pair: the public key as X.509 SubjectPublicKeyInfo, the private key as PKCS#8, both base64. */
    public record NewKey(String selector, String publicKey, String privateKey) {
    }

    public static NewKey create(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new NewKey(selector(now), base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no RSA key generator", e);
        }
    }

    static String selector(Instant now) {
        return "dm" + MONTH.format(now) + RandomText.of(4);
    }
}
