package io.distman.account.boundary;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The admin and installation APIs' refusals: 400 for settings that cannot work, naming the request's field; 403
 * when the caller lacks the role (an API key without the admin scope, an admin on the installation's API; the
 * boundaries declare {@code @RolesAllowed}). The one mapper of each exception: JAX-RS picks one of several at random.
 */
public final class SettingsErrors {

    private SettingsErrors() {
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidSettingsException> {
        @Override
        public Response toResponse(InvalidSettingsException e) {
            // The service names the field of the request it refuses; a refusal of the whole request names the body.
            return ApiErrors.invalid(List.of(new FieldError(e.getField() == null ? "body" : e.getField(), e.getMessage())));
        }
    }

    @Provider
    public static class RoleMissing implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return ApiErrors.of(Response.Status.FORBIDDEN, "forbidden", "the caller's role may not do this (the account's"
                    + " administration needs an API key with the admin scope; the installation's, an operator)", List.of());
        }
    }
}
