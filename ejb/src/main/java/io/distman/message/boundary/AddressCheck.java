package io.distman.message.boundary;

import com.sanctionco.jmail.EmailValidationResult;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.util.Locale;

/**
 * Is an address deliverable in form? RFC 5322 addr-spec, with RFC 6531 internationalised local
 * parts and IDN domains accepted, a top-level domain required and obsolete syntax refused.
 * Checking the form only: whether the mailbox exists is for the bounce to tell.
 */
public final class AddressCheck {

    private static final EmailValidator VALIDATOR = JMail.validator()
            .requireTopLevelDomain()
            .disallowExplicitSourceRouting()
            .disallowObsoleteWhitespace();

    private AddressCheck() {
    }

    /** @return null when valid, else why not, in words an agent can act on */
    public static String problemWith(String address) {
        if (address.length() > 254) {
            return "address is longer than 254 characters";
        }
        EmailValidationResult result = VALIDATOR.validate(address);
        if (result.isSuccess()) {
            return null;
        }
        return "invalid email address (" + result.getFailureReason().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    /** Lower-cases the domain, which is case-insensitive; the local part is kept as given (RFC 5321 §2.4). */
    public static String normalise(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        return at < 0 ? trimmed : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
