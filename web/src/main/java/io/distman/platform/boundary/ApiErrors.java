package io.distman.platform.boundary;

import io.distman.message.entity.DeliveryStateException;
import io.distman.message.entity.NotFoundException;
import io.distman.submission.entity.FieldError;
import io.distman.submission.entity.SubmissionRejectedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Turns the service's exceptions into JSON error responses that name what is wrong. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** The body of every error response. */
    public record ErrorBody(String error, String message, List<FieldError> errors) {
    }

    static Response of(Response.Status status, String error, String message, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error, message, errors)).build();
    }

    public static Response invalid(List<FieldError> errors) {
        return of(Response.Status.BAD_REQUEST, "invalid_request", "the request has " + errors.size() + " error(s)", errors);
    }

    /**
     * 413 naming the limit: the body was not read past it and nothing was stored. With {@code Connection: close}:
     * the connection is not kept alive for another request. (GlassFish's HTTP layer still drains and discards the
     * rest of the body, about 0.5 s for 300 MB here; BodyLimitBench shows nothing of it is held.)
     */
    public static Response tooLarge(BoundedBody.BodyTooLargeException e) {
        return Response.fromResponse(of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", e.getMessage(),
                List.of(new FieldError("body", "must be at most " + e.limit() + " bytes")))).header("Connection", "close").build();
    }

    /** 413 for a body refused by {@link BoundedBody}. */
    @Provider
    public static class TooLarge implements ExceptionMapper<BoundedBody.BodyTooLargeException> {
        @Override
        public Response toResponse(BoundedBody.BodyTooLargeException e) {
            return tooLarge(e);
        }
    }

    /** 400 naming each bad field. */
    @Provider
    public static class Rejected implements ExceptionMapper<SubmissionRejectedException> {
        @Override
        public Response toResponse(SubmissionRejectedException e) {
            return invalid(e.errors());
        }
    }

    /** 404, also for other accounts' ids: they must look exactly like ids that do not exist. */
    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return of(Response.Status.NOT_FOUND, "not_found", e.getMessage(), List.of());
        }
    }

    /** 409: the delivery's state does not allow it. */
    @Provider
    public static class Conflict implements ExceptionMapper<DeliveryStateException> {
        @Override
        public Response toResponse(DeliveryStateException e) {
            return of(Response.Status.CONFLICT, "conflict", e.getMessage(), List.of());
        }
    }

}
