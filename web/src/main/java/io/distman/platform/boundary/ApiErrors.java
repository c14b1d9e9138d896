package io.distman.platform.boundary;

import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
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

    /** 400 for a body that is not a valid request, naming the field. */
    @Provider
    public static class Invalid implements ExceptionMapper<JsonRequests.InvalidRequestException> {
        @Override
        public Response toResponse(JsonRequests.InvalidRequestException e) {
            return invalid(List.of(e.error()));
        }
    }

    /**
     * JAX-RS's own refusals (no such resource 404, method 405, content type 415, 406, a role missing 403) as the
     * same JSON body; without this Jersey answers them with the servlet container's HTML error page. Headers
     * such as 405's {@code Allow} are kept.
     */
    @Provider
    public static class Refused implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response given = e.getResponse();
            if (given.hasEntity()) {
                return given;
            }
            Response.StatusType status = given.getStatusInfo();
            Response.ResponseBuilder answer = Response.fromResponse(given).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(code(status), explain(status), List.of()));
            if (status.getStatusCode() == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()) {
                answer.entity(new ErrorBody(code(status), explain(status),
                        List.of(new FieldError("Content-Type", "must be application/json"))));
            }
            return answer.build();
        }

        private static String code(Response.StatusType status) {
            return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        }

        private static String explain(Response.StatusType status) {
            return switch (status.getStatusCode()) {
                case 404 -> "there is no such resource";
                case 405 -> "the resource does not take this method (see the Allow header)";
                case 415 -> "the request's Content-Type is not one this resource takes";
                case 406 -> "the resource answers application/json only";
                case 403 -> "the caller may not do this";
                default -> status.getReasonPhrase();
            };
        }
    }

    /** Seconds a client is asked to wait after a 503 for a database that is away (a restart takes a few seconds). */
    public static final int RETRY_AFTER_SECONDS = 10;

    /**
     * 503 for a database that is away ({@link DatabaseErrors}), with {@code Retry-After}: the request may be
     * repeated as it is. Also written by the API key authentication, which runs before JAX-RS.
     */
    public static Response unavailable(String incident) {
        return Response.fromResponse(of(Response.Status.SERVICE_UNAVAILABLE, "database_unavailable",
                "the database cannot be reached just now; try again shortly (incident " + incident + ")", List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** {@link #unavailable} for code that runs before JAX-RS (the API key authentication), on the servlet response. */
    public static void writeUnavailable(jakarta.servlet.http.HttpServletResponse response, String incident) throws java.io.IOException {
        response.resetBuffer();
        response.setStatus(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType("application/json;charset=UTF-8");
        ErrorBody body = (ErrorBody) unavailable(incident).getEntity();
        // incident is a UUID and the message fixed: nothing here needs JSON escaping.
        response.getWriter().write("{\"error\":\"" + body.error() + "\",\"message\":\"" + body.message() + "\",\"errors\":[]}");
        response.flushBuffer();
    }

    /**
     * Anything unforeseen: 500 with an incident number to find the logged stack trace, never the exception's text;
     * a database that is away is a 503 instead (one mapper for both: they arrive as the same EJBException).
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ApiErrors.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            String incident = java.util.UUID.randomUUID().toString();
            if (DatabaseErrors.unavailable(e)) {
                LOG.log(java.util.logging.Level.WARNING, "REST request failed: database unavailable, incident " + incident, e);
                return unavailable(incident);
            }
            LOG.log(java.util.logging.Level.SEVERE, "REST request failed, incident " + incident, e);
            return of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                    "the request failed on the server (incident " + incident + ")", List.of());
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
