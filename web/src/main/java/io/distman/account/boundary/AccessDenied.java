package io.distman.account.boundary;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.platform.boundary.ApiErrors;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** 403 when a caller names an account it may not act for (or one that does not exist: not told apart). */
@Provider
public class AccessDenied implements ExceptionMapper<AccountAccessDeniedException> {
    @Override
    public Response toResponse(AccountAccessDeniedException e) {
        return ApiErrors.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage(), List.of());
    }
}
