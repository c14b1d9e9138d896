package io.distman.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Form login for the screens (Jakarta Security): our own login page, which calls
 * {@code SecurityContext.authenticate} on {@link Authentication} (which also turns API keys into callers),
 * and {@link AccountIdentityStore} over {@code app_user} (throttled, equal time for unknown users). Groups are
 * the user's role (AGENT, ADMIN, SUPPORT); glassfish-web.xml maps them to the roles agent, admin and support.
 * Passwords are PBKDF2 hashes made by {@link AccountService}.
 */
@ApplicationScoped
@DeclareRoles({"agent", "admin", "support"})
public class SecurityConfiguration {
}
