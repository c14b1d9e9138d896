package io.distman.account.control;

import io.distman.platform.boundary.Settings;
import io.distman.platform.entity.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Passwords of staff accounts, who see every tenant's mail of their agency: at least
 * {@code distman.password.minLength} (12) characters, not containing the username, and not guessable from
 * the lists of common passwords, words and names, keyboard rows, repeats and dates that nbvcxz (a port of
 * Dropbox's zxcvbn) knows — the username counts as such a word too. A password is refused below
 * {@code distman.password.minEntropyBits} (35, nbvcxz's default) bits of estimated guessing entropy.
 */
public final class PasswordPolicy {

    static final String FIELD = "password";

    private PasswordPolicy() {
    }

    /** @return why the password is refused, naming the field; empty if it may be used */
    public static Optional<FieldError> check(String username, char[] password) {
        int minLength = (int) Settings.longValue("distman.password.minLength", 12);
        if (password == null || password.length < minLength) {
            return refuse("must have at least " + minLength + " characters");
        }
        String text = new String(password);
        if (username != null && !username.isBlank()
                && text.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return refuse("must not contain the username");
        }
        Result estimate = estimator(username).estimate(text);
        if (estimate.getEntropy() < Settings.longValue("distman.password.minEntropyBits", 35)) {
            String warning = estimate.getFeedback().getWarning();
            return refuse("is too easy to guess" + (warning == null ? "" : ": " + warning)
                    + " Use a longer phrase of several unrelated words.");
        }
        return Optional.empty();
    }

    private static Nbvcxz estimator(String username) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (username != null && !username.isBlank()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("username").setExclusion(true)
                    .addWord(username.strip().toLowerCase(Locale.ROOT), 0).createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration());
    }

    private static Optional<FieldError> refuse(String message) {
        return Optional.of(new FieldError(FIELD, message));
    }
}
