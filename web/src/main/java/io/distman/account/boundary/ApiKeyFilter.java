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
import io.distman.platform.boundary.ApiErrors;
import java.util.List;

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
        // openapi.yaml: the API's description is public, like the cheat-sheet on the start page; it holds no data.
        return path.equals("health") || path.startsWith("webhooks/") || path.equals("bounces") || path.startsWith("unsubscribe/")
                || path.startsWith("t/") || path.equals("openapi.yaml") || operatorPath(path);
    }

    /** The installation operator's API: HTTP Basic as an operator user, never an API key (see ApiKeyAuthentication). */
    static boolean operatorPath(String path) {
        return path.equals("installation") || path.startsWith("installation/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (operatorPath(path)) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                request.abortWith(refusal(Response.Status.UNAUTHORIZED, "unauthorized",
                        "an operator's user name and password are required (HTTP Basic)")
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"distman installation\", charset=\"UTF-8\"").build());
            }
            return;
        }
        if (authenticatedOtherwise(path)) {
            return;
        }
        callers.apiKeyAccount(request.getSecurityContext().getUserPrincipal()).ifPresentOrElse(account -> {
            if (account.isSuspended()) {
                request.abortWith(refusal(Response.Status.FORBIDDEN, "account_suspended",
                        "the account '" + account.getCode() + "' is suspended: its API keys are refused until an operator reactivates it")
                        .build());
            } else {
                caller.authenticated(account);
            }
        }, () -> request.abortWith(refusal(Response.Status.UNAUTHORIZED, "unauthorized", "a valid API key is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"distman\"").build()));
    }

    private static Response.ResponseBuilder refusal(Response.Status status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiErrors.ErrorBody(error, message, List.of()));
    }
}
