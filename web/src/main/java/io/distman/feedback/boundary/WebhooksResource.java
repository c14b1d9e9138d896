package io.distman.feedback.boundary;

import io.distman.feedback.control.webhook.MalformedWebhookException;
import io.distman.feedback.entity.WebhookBusyException;
import io.distman.feedback.entity.WebhookNotConfiguredException;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.BoundedBody;
import io.distman.platform.boundary.OwnBodyLimit;
import io.distman.platform.boundary.Settings;
import io.distman.platform.entity.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One endpoint per provider: {@code POST /api/v1/webhooks/{mailgun|amazon-ses|sendgrid|postmark}} with
 * the installation's credentials, and {@code .../{provider}/{account}} with the account's own (else the
 * installation's), whose events only ever match that account's deliveries. Authenticated by the
 * provider's own scheme (signature, SNS certificate, basic auth), not by an API key. Answers: 200 once
 * stored (matched or not, so the provider does not retry for ever), 401 for a forged, stale or replayed
 * request, 400 for a malformed one, 413 for a body over {@link #maxBodyBytes()} (read no further), 404 for an unknown provider or account, 503 when the webhook is not
 * set up or the server is too busy. The request waits asynchronously: no server thread is held while
 * its batch commits.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped // one instance: a per-request resource had its @EJB injected on every request (a tenth of its CPU)
public class WebhooksResource {

    private static final Logger LOG = Logger.getLogger(WebhooksResource.class.getName());

    @EJB
    WebhookIngestion ingestion;

    @POST
    @Path("{provider}")
    @OwnBodyLimit
    public void receive(@PathParam("provider") String provider, InputStream body, @Context HttpHeaders headers,
                        @Suspended AsyncResponse response) {
        receive(provider, null, body, headers, response);
    }

    @POST
    @Path("{provider}/{account}")
    @OwnBodyLimit
    public void receiveForAccount(@PathParam("provider") String provider, @PathParam("account") String account, InputStream body,
                                  @Context HttpHeaders headers, @Suspended AsyncResponse response) {
        receive(provider, account, body, headers, response);
    }

    private void receive(String provider, String account, InputStream stream, HttpHeaders headers, AsyncResponse response) {
        if (!WebhookIngestion.PROVIDERS.contains(provider)) {
            response.resume(error(Response.Status.NOT_FOUND, "unknown provider " + provider));
            return;
        }
        // The signature covers the body, so the size bound is the check that comes before reading it.
        byte[] body;
        try {
            body = BoundedBody.read(headers, stream, maxBodyBytes());
        } catch (BoundedBody.BodyTooLargeException e) {
            response.resume(ApiErrors.tooLarge(e));
            return;
        } catch (IOException e) {
            response.resume(error(Response.Status.BAD_REQUEST, "the body could not be read: " + e.getMessage()));
            return;
        }
        // Never seen in practice; a request lost in a shutdown must not wait for ever.
        response.setTimeout(60, TimeUnit.SECONDS);
        response.setTimeoutHandler(r -> r.resume(error(Response.Status.SERVICE_UNAVAILABLE, "timed out")));
        Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, String.join(",", values)));
        try {
            ingestion.receive(provider, account, body, flat).whenComplete((result, failure) ->
                    response.resume(failure == null ? Response.ok(result).build() : answer(failure)));
        } catch (WebhookRejectedException | RuntimeException e) {
            response.resume(answer(e));
        }
    }

    /**
     * {@code distman.webhook.maxBodyBytes}, default 1 MiB: Mailgun, Postmark and SES (through SNS, at most
     * 256 KB a message) post one event a request; SendGrid's batches are cut at 768 KB.
     */
    static long maxBodyBytes() {
        return Settings.longValue("distman.webhook.maxBodyBytes", 1024 * 1024);
    }

    private static Response answer(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof EJBException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WebhookRejectedException) {
            return error(Response.Status.UNAUTHORIZED, cause.getMessage());
        }
        if (cause instanceof MalformedWebhookException) {
            return error(Response.Status.BAD_REQUEST, cause.getMessage());
        }
        if (cause instanceof NotFoundException) {
            return error(Response.Status.NOT_FOUND, cause.getMessage());
        }
        if (cause instanceof WebhookNotConfiguredException || cause instanceof WebhookBusyException) {
            return error(Response.Status.SERVICE_UNAVAILABLE, cause.getMessage());
        }
        // Not stored: a 5xx, so the provider sends it again.
        LOG.log(Level.WARNING, "webhook request failed", failure);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "not stored, please retry");
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", status.getReasonPhrase(), "message", message == null ? "" : message)).build();
    }
}
