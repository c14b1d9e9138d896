package io.distman.account.boundary;

import io.distman.account.entity.ApiKeyLogin;
import io.distman.account.entity.ApiKeyScope;
import io.distman.account.entity.UserRole;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.DatabaseErrors;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a REST request's API key ({@code Authorization: Bearer}) into the container's caller
 * {@code apikey:<hash>} (group {@value #GROUP}; an ADMIN-scope key also group ADMIN, so the {@code admin} role's
 * boundaries accept it, for its own account only), so the EJBs it calls check that caller's account.
 * The installation's operator API ({@code /api/v1/installation/}) takes no API key (a key belongs to an account;
 * an operator to none) but HTTP Basic as an operator user, checked by the identity store like the login form
 * (same hashes, same sign-in throttling), for that request only. It wraps
 * {@link Authentication}'s {@code validateRequest} outside the session interceptor on purpose: an API call
 * gets a principal for that request only — no session, so a revoked key stops working at once and a client
 * that keeps cookies gains nothing. No valid key: no principal ({@link ApiKeyFilter} answers the JSON 401).
 * The API paths that authenticate otherwise (provider signatures, the bounce pipe's secret, signed links)
 * are left alone, their Bearer value being no API key.
 */
@Interceptor
@ApiKeyAuthentication.ForApi
// Before Soteria's @AutoApplySession (PLATFORM_BEFORE + 200) and @LoginToContinue (+ 220), which must not see API calls.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ApiKeyAuthentication implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String GROUP = "API";
    private static final String BEARER = "Bearer ";
    private static final String API_V1 = "/api/v1/";
    private static final String BASIC = "Basic ";
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthentication.class.getName());

    /** Binds this interceptor to the authentication mechanism. */
    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface ForApi {
    }

    @EJB
    Callers callers;

    @Inject
    IdentityStoreHandler identityStores;

    @AroundInvoke
    public Object authenticate(InvocationContext invocation) throws Exception {
        if (!invocation.getMethod().getName().equals("validateRequest")) {
            return invocation.proceed();
        }
        HttpServletRequest request = (HttpServletRequest) invocation.getParameters()[0];
        HttpServletResponse response = (HttpServletResponse) invocation.getParameters()[1];
        HttpMessageContext context = (HttpMessageContext) invocation.getParameters()[2];
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return invocation.proceed();
        }
        String below = path.startsWith(API_V1) ? path.substring(API_V1.length()) : "";
        try {
            return apiCaller(request, context, below);
        } catch (RuntimeException e) {
            // Thrown here the container would answer its HTML 500 page (JAX-RS's mappers are not reached yet).
            if (!DatabaseErrors.unavailable(e)) {
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "API authentication failed: database unavailable, incident " + incident, e);
            ApiErrors.writeUnavailable(response, incident);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus apiCaller(HttpServletRequest request, HttpMessageContext context, String below) {
        if (ApiKeyFilter.operatorPath(below)) {
            return basic(request).map(identityStores::validate)
                    .filter(result -> result.getStatus() == CredentialValidationResult.Status.VALID)
                    .map(context::notifyContainerAboutLogin).orElseGet(context::doNothing);
        }
        boolean otherwise = ApiKeyFilter.authenticatedOtherwise(below);
        Optional<ApiKeyLogin> login = otherwise ? Optional.empty() : callers.apiKeyLogin(bearer(request));
        return login.map(key -> context.notifyContainerAboutLogin(new CallerPrincipal(key.principal()), groups(key.scope())))
                .orElseGet(context::doNothing);
    }

    static Set<String> groups(ApiKeyScope scope) {
        return scope == ApiKeyScope.ADMIN ? Set.of(GROUP, UserRole.ADMIN.name()) : Set.of(GROUP);
    }

    private static Optional<UsernamePasswordCredential> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length()) || header.length() > 1000) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()) : null;
    }
}
