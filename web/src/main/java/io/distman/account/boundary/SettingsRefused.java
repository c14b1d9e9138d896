package io.distman.account.boundary;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The account feature's refusals over REST, in the API's one error body. */
public final class SettingsRefused {

    private SettingsRefused() {
    }

    /** 400 naming the field: the settings' messages start with it ("code: is already in use"). */
    @Provider
    public static class Invalid implements ExceptionMapper<InvalidSettingsException> {
        @Override
        public Response toResponse(InvalidSettingsException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(": ");
            FieldError error = colon > 0 ? new FieldError(message.substring(0, colon), message.substring(colon + 2))
                    : new FieldError("body", message);
            return ApiErrors.invalid(List.of(error));
        }
    }

    /** 400 naming {@code password}: what the policy says, never the password. */
    @Provider
    public static class Password implements ExceptionMapper<PasswordRefusedException> {
        @Override
        public Response toResponse(PasswordRefusedException e) {
            return ApiErrors.invalid(List.of(new FieldError("password", e.getMessage())));
        }
    }

    /**
     * 403 when the caller lacks the boundary's role: a SEND key on the account's administration, an admin or agent
     * on the installation's.
     */
    @Provider
    public static class RoleMissing implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return ApiErrors.of(Response.Status.FORBIDDEN, "forbidden", "the caller may not do this", List.of());
        }
    }
}
