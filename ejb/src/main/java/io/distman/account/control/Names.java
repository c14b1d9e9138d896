package io.distman.account.control;

import java.util.Optional;

/**
 * The names callers are known by, checked the same way wherever they are given: a username (unique in the
 * installation) and a module's principal. {@code ':'} is how API-key callers are named ({@code apikey:<hash>})
 * and ANONYMOUS is the container's unauthenticated caller, so neither may be anybody's name.
 */
public final class Names {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final String API_KEY_PRINCIPAL = "apikey:";

    private Names() {
    }

    /** @return why {@code username} cannot be a user's name, or empty */
    public static Optional<String> usernameProblem(String username) {
        if (username == null || username.isBlank() || username.contains(":") || username.strip().equalsIgnoreCase(ANONYMOUS)) {
            return Optional.of("not a usable name: '" + username + "'");
        }
        if (username.length() > 100 || !username.equals(username.strip()) || username.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("at most 100 characters, without spaces around or control characters");
        }
        return Optional.empty();
    }

    /**
     * @return why {@code email} (stripped, not blank) cannot be a user's address, or empty. Only its shape: an
     *         invitation to a mistyped address is caught by its bounce, as any mail is.
     */
    public static Optional<String> emailProblem(String email) {
        if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of("is not an email address");
        }
        return Optional.empty();
    }

    /** @return why {@code principal} cannot be a module's principal, or empty */
    public static Optional<String> modulePrincipalProblem(String principal) {
        if (principal == null || principal.isBlank() || principal.strip().startsWith(API_KEY_PRINCIPAL) || principal.strip().equalsIgnoreCase(ANONYMOUS)) {
            return Optional.of("not a module's name: '" + principal + "'");
        }
        if (principal.strip().length() > 200 || principal.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("at most 200 characters, without control characters");
        }
        return Optional.empty();
    }
}
