package io.distman.identity.control;

import io.distman.identity.entity.InvalidIdentityException;
import io.distman.message.boundary.AddressCheck;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of domains and addresses that identities are stored and compared in: ASCII (an
 * internationalised domain in its punycode form, as DNS and DKIM's d= know it), lower case.
 */
public final class SenderNames {

    /** LDH labels of 1-63 characters, at least two of them, the last not all digits (so no IP address). */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+(?![0-9]+$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private SenderNames() {
    }

    /** @throws InvalidIdentityException naming {@code field} when it is no host name */
    public static String domain(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityException(field, "is required");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(input.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException(field, "'" + input.strip() + "' is not a domain name");
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (!HOST.matcher(ascii).matches()) {
            throw new InvalidIdentityException(field, "'" + input.strip() + "' is not a domain name such as example.org");
        }
        return ascii;
    }

    /** @throws InvalidIdentityException naming {@code field} when it is no address */
    public static String address(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityException(field, "is required");
        }
        String problem = AddressCheck.problemWith(input.strip());
        if (problem != null) {
            throw new InvalidIdentityException(field, problem);
        }
        String address = input.strip();
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1).toLowerCase(Locale.ROOT) + domain(field, address.substring(at + 1));
    }

    /** The comparable form of a From address, or null when it cannot be one (the validator reports that). */
    public static String comparable(String address) {
        try {
            return address("sender.address", address);
        } catch (InvalidIdentityException e) {
            return null;
        }
    }

    public static String domainOf(String comparableAddress) {
        return comparableAddress.substring(comparableAddress.lastIndexOf('@') + 1);
    }
}
