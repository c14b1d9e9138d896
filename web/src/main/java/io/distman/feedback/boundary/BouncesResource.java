package io.distman.feedback.boundary;

import io.distman.feedback.control.InboundLimits;
import io.distman.platform.boundary.BoundedBody;
import io.distman.platform.boundary.OwnBodyLimit;
import io.distman.platform.boundary.Settings;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code POST /api/v1/bounces}: raw MIME of a returned message, piped by the MTA that receives the
 * bounce domain's mail (e.g. {@code curl --data-binary @- -H 'Authorization: Bearer $SECRET'}).
 * Authenticated by the installation's bounce secret, since a bounce belongs to whichever account
 * its return path names. A message over the inbound size cap ({@link InboundLimits}) is answered 413
 * once the cap is passed, unread beyond it and not stored.
 */
@Path("bounces")
@Produces(MediaType.APPLICATION_JSON)
public class BouncesResource {

    private static final String BEARER = "Bearer ";

    @EJB
    BounceIngestion ingestion;

    @POST
    @Consumes(MediaType.WILDCARD)
    @OwnBodyLimit
    public Response receive(InputStream stream, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @Context HttpHeaders headers) throws IOException {
        String secret = Settings.string("distman.bounce.secret", null);
        if (secret == null) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "the bounce endpoint needs the setting distman.bounce.secret");
        }
        String given = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : "";
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return error(Response.Status.UNAUTHORIZED, "a valid bounce secret is required");
        }
        // Only after the secret: an unauthenticated caller gets its 401 before a byte of the body is read.
        byte[] body = BoundedBody.read(headers, stream, InboundLimits.maxMessageBytes());
        if (body.length == 0) {
            return error(Response.Status.BAD_REQUEST, "the body must be the returned message (raw MIME)");
        }
        return Response.ok(ingestion.receive(body)).build();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", status.getReasonPhrase(), "message", message)).build();
    }
}
