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
 * Every API call but the health probe, the providers' webhooks, the bounce pipe and the links in mail needs
 * {@code Authorization: Bearer <api key>}; {@link ApiKeyAuthentication} has already turned a valid key into the
 * request's caller, and this answers the JSON 401 when there is none. The key decides the account: a caller can
 * only ever act on its own account's mail, whatever its request says.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @EJB
    Callers callers;

    @Inject
    ApiCaller caller;

    /**
     * The paths (below {@code /api/v1/}) that authenticate otherwise: providers sign their webhooks, the bounce
     * pipe has a secret, unsubscribe and tracking links a signed token. Their Bearer value, if any, is no API key.
     */
    static boolean authenticatedOtherwise(String path) {
        return path.equals("health") || path.startsWith("webhooks/") || path.equals("bounces") || path.startsWith("unsubscribe/")
                || path.startsWith("t/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (authenticatedOtherwise(request.getUriInfo().getPath())) {
            return;
        }
        callers.apiKeyAccount(request.getSecurityContext().getUserPrincipal()).ifPresentOrElse(caller::authenticated,
                () -> request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"distman\"")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "unauthorized", "message", "a valid API key is required"))
                        .build()));
    }
}
