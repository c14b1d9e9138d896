package io.distman.submission.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.message.entity.MessageView;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.BoundedBody;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.boundary.OwnBodyLimit;
import io.distman.platform.entity.FieldError;
import io.distman.submission.control.SubmissionLimits;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The submission API for callers that are not Java: {@code POST /api/v1/messages} to send,
 * {@code GET /api/v1/messages/{id}} for status and timeline, and cancel / resend of a delivery.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped // one instance, not an @EJB injection per request (see WebhooksResource)
public class MessagesResource {

    @EJB
    DistributionManagerLocal manager;

    @Inject
    ApiCaller caller;

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnBodyLimit
    public Response submit(InputStream stream, @Context HttpHeaders headers, @Context UriInfo uri) throws IOException {
        // ApiKeyFilter has authenticated the caller before this reads a byte.
        SubmitRequest request = JsonRequests.parse(
                BoundedBody.read(headers, stream, SubmissionLimits.fromSettings().maxRequestBytes()), SubmitRequest.class);
        if (request == null) {
            return ApiErrors.invalid(List.of(new FieldError("body", "is required")));
        }
        if (request.account() != null && !request.account().equals(caller.accountCode())) {
            return ApiErrors.invalid(List.of(new FieldError("account", "does not match the API key's account")));
        }
        SubmitReceipt receipt = manager.submit(request.withAccount(caller.accountCode()));
        return receipt.duplicate() ? Response.ok(receipt).build()
                : Response.created(uri.getBaseUriBuilder().path("messages").path(String.valueOf(receipt.messageId())).build())
                .entity(receipt).build();
    }

    /** Many messages in one request and one transaction: all stored, or none (400 naming messages[i].field). */
    @POST
    @Path("messages/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnBodyLimit
    public BatchReceipts submitAll(InputStream stream, @Context HttpHeaders headers) throws IOException {
        // ApiKeyFilter has authenticated the caller before this reads a byte; the whole batch has the one size limit.
        BatchRequest batch = JsonRequests.parse(
                BoundedBody.read(headers, stream, SubmissionLimits.fromSettings().maxRequestBytes()), BatchRequest.class);
        if (batch == null) {
            throw new SubmissionRejectedException(List.of(new FieldError("body", "is required")));
        }
        return new BatchReceipts(manager.submitAll(caller.accountCode(), batch.messages()));
    }

    /** A batch submission's body. */
    public record BatchRequest(List<SubmitRequest> messages) {
    }

    /** A receipt per message of a batch, in their order. */
    public record BatchReceipts(List<SubmitReceipt> receipts) {
    }

    @GET
    @Path("messages/{id}")
    public MessageView message(@PathParam("id") long id) {
        return manager.message(caller.accountCode(), id);
    }

    @POST
    @Path("deliveries/{id}/cancel")
    public DeliveryReceipt cancel(@PathParam("id") long id, @QueryParam("user") String user) {
        return manager.cancel(caller.accountCode(), id, user);
    }

    @POST
    @Path("deliveries/{id}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resend(@PathParam("id") long id, InputStream body) throws IOException {
        ActionRequest action = JsonRequests.parse(body.readAllBytes(), ActionRequest.class); // bounded by RequestBodyLimit
        DeliveryReceipt receipt = manager.resend(caller.accountCode(), id, action == null ? null : action.address(), user(action));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    /**
     * For whom the API caller acts (a person in the calling back office: recorded next to the API key in the
     * timeline, never taken as who acts), and for a resend the corrected address.
     */
    public record ActionRequest(String user, String address) {
    }

    private static String user(ActionRequest action) {
        return action == null ? null : action.user();
    }
}
