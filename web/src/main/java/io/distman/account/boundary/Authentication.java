package io.distman.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one authentication mechanism (Jakarta Security 3 allows one), so that every EJB call
 * knows its caller:
 * <ul>
 *   <li>REST requests with an API key: {@link ApiKeyAuthentication}, which runs before the session and
 *       login-page handling below and answers {@code /api/*} itself (a principal per request, no session);</li>
 *   <li>the screens: the login form hands its credentials over {@code SecurityContext.authenticate}, the
 *       identity store checks them, the user stays signed in through the session ({@link AutoApplySession}),
 *       and a protected page sends an anonymous visitor to the login page and back ({@link LoginToContinue}) —
 *       what the built-in custom-form mechanism did before the API needed a principal too.</li>
 * </ul>
 */
@ApplicationScoped
@ApiKeyAuthentication.ForApi
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class Authentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        return credential == null ? context.doNothing() : context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
}
