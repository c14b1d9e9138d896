package io.distman.account.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Turns a REST request's API key ({@code Authorization: Bearer}) into the container's caller
 * {@code apikey:<hash>} (group {@value #GROUP}, and ADMIN for an admin key: Callers.apiKeyGroups), so the EJBs it calls check that caller's account. It wraps
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

    /** Binds this interceptor to the authentication mechanism. */
    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface ForApi {
    }

    @EJB
    Callers callers;

    @AroundInvoke
    public Object authenticate(InvocationContext invocation) throws Exception {
        if (!invocation.getMethod().getName().equals("validateRequest")) {
            return invocation.proceed();
        }
        HttpServletRequest request = (HttpServletRequest) invocation.getParameters()[0];
        HttpMessageContext context = (HttpMessageContext) invocation.getParameters()[2];
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return invocation.proceed();
        }
        boolean otherwise = path.startsWith(API_V1) && ApiKeyFilter.authenticatedOtherwise(path.substring(API_V1.length()));
        Optional<String> principal = otherwise ? Optional.empty() : callers.apiKeyPrincipal(bearer(request));
        return principal.map(name -> context.notifyContainerAboutLogin(new CallerPrincipal(name), callers.apiKeyGroups(name)))
                .orElseGet(context::doNothing);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()) : null;
    }
}
