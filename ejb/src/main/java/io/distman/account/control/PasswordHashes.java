package io.distman.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 hashes of the users' passwords. A sign-in for a username without a password
 * (unknown, or a raised-by name that never signs in) is checked against a hash of a random password made
 * with the same parameters, so it costs the same time as a wrong password of a real user and the time
 * does not tell which usernames exist.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // initialised once; verify reads only the stored hash
public class PasswordHashes {

    /** Parameters of new hashes; a stored hash names its own, so these may be raised at any time. */
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "120000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(PARAMETERS);
        char[] random = new char[24];
        SecureRandom rng = new SecureRandom();
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('!' + rng.nextInt(94));
        }
        dummy = pbkdf2.generate(random);
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** @param stored the user's hash, or null when there is none: then a hash of the same cost fails */
    public boolean verify(char[] password, String stored) {
        boolean matches = pbkdf2.verify(password, stored == null ? dummy : stored);
        return stored != null && matches;
    }
}
