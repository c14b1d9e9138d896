package io.distman.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Form login for the screens (Jakarta Security): our own login page, which calls
 * {@code SecurityContext.authenticate} on {@link Authentication} (which also turns API keys into callers),
 * and the standard database identity store over {@code app_user}.
 * Groups are the user's role (AGENT, ADMIN, SUPPORT); glassfish-web.xml maps them to the roles
 * agent, admin and support. Passwords are PBKDF2 hashes made by {@link AccountService}.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/distman",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ?",
        groupsQuery = "SELECT user_role FROM app_user WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"agent", "admin", "support"})
public class SecurityConfiguration {
}
