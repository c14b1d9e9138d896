package io.distman.ratelimit.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import io.distman.ratelimit.entity.InvalidLimitException;
import io.distman.ratelimit.entity.RelayLimits;
import io.distman.ratelimit.entity.SendLimits;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The account's rate limits for an installer's scripts: {@code GET /api/v1/admin/limits}, {@code PUT .../relay}
 * (messages per second, connections at once, recipients per connection; null lifts one), {@code PUT} and {@code DELETE
 * .../domains/{domain}} (recipients per hour). The API key's account; the key needs the admin scope.
 */
@Path("admin/limits")
@Produces(MediaType.APPLICATION_JSON)
public class SendLimitsResource {

    @EJB
    SendLimitsAdmin admin;

    @Inject
    ApiCaller caller;

    public record DomainLimitRequest(Integer recipientsPerHour) {
    }

    @GET
    public SendLimits get() {
        return admin.limits(caller.accountId());
    }

    @PUT
    @Path("relay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response relay(InputStream body) throws IOException {
        RelayLimits request = JsonRequests.parse(body.readAllBytes(), RelayLimits.class); // bounded by RequestBodyLimit
        if (request == null) {
            return ApiErrors.invalid(List.of(new FieldError("body", "is required: messagesPerSecond, maxConnections, recipientsPerConnection")));
        }
        return Response.ok(admin.setRelayLimits(caller.accountId(), request)).build();
    }

    @PUT
    @Path("domains/{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response domain(@PathParam("domain") String domain, InputStream body) throws IOException {
        DomainLimitRequest request = JsonRequests.parse(body.readAllBytes(), DomainLimitRequest.class);
        if (request == null) {
            return ApiErrors.invalid(List.of(new FieldError("recipientsPerHour", "is required")));
        }
        return Response.ok(admin.setDomainLimit(caller.accountId(), domain, request.recipientsPerHour())).build();
    }

    @DELETE
    @Path("domains/{domain}")
    public SendLimits removeDomain(@PathParam("domain") String domain) {
        return admin.removeDomainLimit(caller.accountId(), domain);
    }

    /** 400 naming the field for a limit that cannot be set (not positive, too large, not a domain). */
    @Provider
    public static class Refused implements ExceptionMapper<InvalidLimitException> {
        @Override
        public Response toResponse(InvalidLimitException e) {
            return ApiErrors.invalid(List.of(e.error()));
        }
    }
}
