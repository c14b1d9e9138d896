package io.distman.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Bounds the body of every REST request whose method does not bound it itself ({@link OwnBodyLimit}): at most
 * {@code distman.api.maxBodyBytes} (64 KiB; the small JSON of an action), read here before any JSON binding,
 * so no endpoint added later can be made to hold an unbounded body. Runs after the API key check.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RequestBodyLimit implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(OwnBodyLimit.class)) {
            return;
        }
        try {
            byte[] body = BoundedBody.read(request.getHeaderString("Content-Length"), request.getEntityStream(), maxBodyBytes());
            request.setEntityStream(new ByteArrayInputStream(body));
        } catch (BoundedBody.BodyTooLargeException e) {
            request.abortWith(ApiErrors.tooLarge(e));
        }
    }

    static long maxBodyBytes() {
        return Settings.longValue("distman.api.maxBodyBytes", 64 * 1024);
    }
}
