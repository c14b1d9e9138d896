package io.distman.account.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Every API call but the health probe, the providers' webhooks and the links in mail needs {@code Authorization: Bearer <api key>}. The key decides
 * the account: a caller can only ever act on its own account's mail, whatever its request says.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @EJB
    AccountService accounts;

    @Inject
    ApiCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("health") || path.startsWith("webhooks/") || path.equals("bounces") || path.startsWith("unsubscribe/")
                || path.startsWith("t/")) {
            return; // providers sign their webhooks, the bounce pipe has a secret, unsubscribe and tracking links a signed token
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()) : null;
        accounts.authenticate(key).ifPresentOrElse(caller::authenticated, () -> request.abortWith(
                Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"distman\"")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "unauthorized", "message", "a valid API key is required"))
                        .build()));
    }
}
