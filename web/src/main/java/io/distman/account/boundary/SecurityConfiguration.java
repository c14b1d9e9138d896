package io.distman.account.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login for the screens (Jakarta Security): our own login page, which calls
 * {@code SecurityContext.authenticate}, and {@link AccountIdentityStore} over {@code app_user} (throttled,
 * equal time for unknown users). Groups are the user's role (AGENT, ADMIN, SUPPORT); glassfish-web.xml maps
 * them to the roles agent, admin and support. Passwords are PBKDF2 hashes made by {@link AccountService}.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"agent", "admin", "support"})
public class SecurityConfiguration {
}
