package io.distman.feedback.boundary;

import io.distman.tracking.boundary.TrackedHtml;
import io.distman.tracking.entity.TrackingRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The links in tracked mail. {@code GET /api/v1/t/o/{token}}: the open pixel, always the same
 * transparent GIF, whatever the token, so a probe learns nothing. {@code GET /api/v1/t/c/{token}/{n}}:
 * 302 to link n of the message as archived, or 404 and no redirect. HEAD on either is answered alike
 * but recorded as a machine's (link checkers ask for headers only).
 */
@Path("t")
@ApplicationScoped // one instance: a per-request resource has its @EJB injected on every request (see WebhooksResource)
public class TrackingResource {

    /** A 1x1 transparent GIF89a, 43 bytes. */
    private static final byte[] PIXEL = {
            'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            0x21, (byte) 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b};

    @EJB
    TrackingEvents tracking;

    @GET
    @Path("o/{token}")
    public Response open(@PathParam("token") String token, @Context HttpHeaders headers) {
        return pixel(request("GET", headers), token);
    }

    @HEAD
    @Path("o/{token}")
    public Response openHead(@PathParam("token") String token, @Context HttpHeaders headers) {
        return pixel(request("HEAD", headers), token);
    }

    @GET
    @Path("c/{token}/{link}")
    public Response click(@PathParam("token") String token, @PathParam("link") String link,
                          @Context HttpHeaders headers) {
        return redirect(request("GET", headers), token, link);
    }

    @HEAD
    @Path("c/{token}/{link}")
    public Response clickHead(@PathParam("token") String token, @PathParam("link") String link,
                              @Context HttpHeaders headers) {
        return redirect(request("HEAD", headers), token, link);
    }

    private Response pixel(TrackingRequest request, String token) {
        tracking.opened(token, request);
        return uncached(Response.ok(PIXEL, "image/gif")).build();
    }

    private Response redirect(TrackingRequest request, String token, String link) {
        return tracking.clicked(token, link, request)
                .map(url -> uncached(Response.status(Response.Status.FOUND)).header(HttpHeaders.LOCATION, TrackedHtml.location(url)))
                .orElseGet(() -> uncached(Response.status(Response.Status.NOT_FOUND)).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                        .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Unknown link</title></head>"
                                + "<body style=\"font-family:sans-serif;max-width:36rem;margin:3rem auto\"><h1>Unknown link</h1>"
                                + "<p>This link is not valid. Please use the link from the email itself.</p></body></html>"))
                .build();
    }

    private static TrackingRequest request(String method, HttpHeaders headers) {
        return new TrackingRequest(method, headers.getHeaderString(HttpHeaders.USER_AGENT),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Every load must reach us: a cached pixel or redirect is an open or click we never see. */
    private static Response.ResponseBuilder uncached(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, must-revalidate, private, max-age=0")
                .header("Pragma", "no-cache").header(HttpHeaders.EXPIRES, "0");
    }
}
