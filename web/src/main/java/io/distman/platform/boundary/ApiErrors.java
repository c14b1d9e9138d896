package io.distman.platform.boundary;

import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The JSON error body of every REST response that refuses something, and the 404 for ids that are not
 * the caller's. Features map their own exceptions with it (e.g. submission's {@code SubmissionErrors}), so
 * this platform piece knows no feature.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** The body of every error response. */
    public record ErrorBody(String error, String message, List<FieldError> errors) {
    }

    public static Response of(Response.Status status, String error, String message, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error, message, errors)).build();
    }

    public static Response invalid(List<FieldError> errors) {
        return of(Response.Status.BAD_REQUEST, "invalid_request", "the request has " + errors.size() + " error(s)", errors);
    }

    /**
     * 413 naming the limit: the body was not read past it and nothing was stored. With {@code Connection: close}:
     * the connection is not kept alive for another request, and with the domain's max-swallowing-input-bytes
     * (1 MiB, see README) GlassFish closes it instead of reading the rest of the body (BodyLimitBench).
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

    /** 404, also for other accounts' ids: they must look exactly like ids that do not exist. */
    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return of(Response.Status.NOT_FOUND, "not_found", e.getMessage(), List.of());
        }
    }

}
