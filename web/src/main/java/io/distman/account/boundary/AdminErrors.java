package io.distman.account.boundary;

import io.distman.account.entity.AdminRefusedException;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.platform.boundary.ApiErrors;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The REST answers of account administration's refusals: the field named, nothing changed. */
public final class AdminErrors {

    private AdminErrors() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<AdminRefusedException> {
        @Override
        public Response toResponse(AdminRefusedException e) {
            return ApiErrors.invalid(List.of(e.error()));
        }
    }

    @Provider
    public static class Password implements ExceptionMapper<PasswordRefusedException> {
        @Override
        public Response toResponse(PasswordRefusedException e) {
            return ApiErrors.invalid(List.of(e.error()));
        }
    }

}
