package io.distman.tracking.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.message.entity.Category;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The account's tracking consent per category for an installer's scripts: {@code GET /api/v1/admin/tracking}
 * (every category, defaults included), {@code PUT} one category's choice. The key needs the admin scope.
 */
@Path("admin/tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingConsentResource {

    @EJB
    TrackingAdmin admin;

    @Inject
    ApiCaller caller;

    public record TrackingRequest(Category category, Boolean opens, Boolean clicks) {
    }

    @GET
    public Map<Category, TrackingChoice> get() {
        return admin.tracking(caller.accountId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(InputStream body) throws IOException {
        TrackingRequest request = JsonRequests.parse(body.readAllBytes(), TrackingRequest.class); // bounded by RequestBodyLimit
        if (request == null || request.category() == null) {
            return ApiErrors.invalid(List.of(new FieldError("category", "is required: TRANSACTIONAL, ESSENTIAL or BULK")));
        }
        if (request.opens() == null || request.clicks() == null) {
            return ApiErrors.invalid(List.of(new FieldError(request.opens() == null ? "opens" : "clicks", "is required: true or false")));
        }
        admin.setTracking(caller.accountId(), request.category(), new TrackingChoice(request.opens(), request.clicks()));
        return Response.ok(admin.tracking(caller.accountId())).build();
    }
}
