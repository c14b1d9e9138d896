package io.distman.submission.boundary;

import io.distman.message.entity.DeliveryStateException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.submission.entity.SubmissionRejectedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The REST answers to the submission service's refusals: a submission with errors, a cancel or resend too late. */
public final class SubmissionErrors {

    private SubmissionErrors() {
    }

    /** 400 naming each bad field. */
    @Provider
    public static class Rejected implements ExceptionMapper<SubmissionRejectedException> {
        @Override
        public Response toResponse(SubmissionRejectedException e) {
            return ApiErrors.invalid(e.errors());
        }
    }

    /** 409: the delivery's state does not allow it. */
    @Provider
    public static class Conflict implements ExceptionMapper<DeliveryStateException> {
        @Override
        public Response toResponse(DeliveryStateException e) {
            return ApiErrors.of(Response.Status.CONFLICT, "conflict", e.getMessage(), List.of());
        }
    }
}
