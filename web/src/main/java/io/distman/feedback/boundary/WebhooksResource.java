package io.distman.feedback.boundary;

import io.distman.feedback.control.webhook.MalformedWebhookException;
import io.distman.feedback.control.webhook.WebhookRejectedException;
import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.WebhookNotConfiguredException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/**
 * One endpoint per provider: {@code POST /api/v1/webhooks/{mailgun|amazon-ses|sendgrid|postmark}}.
 * Authenticated by the provider's own scheme (signature, SNS certificate, basic auth), not by an API
 * key. Answers: 200 once stored (matched or not, so the provider does not retry for ever), 401 for
 * a forged, stale or replayed request, 400 for a malformed one, 503 when the webhook is not set up.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @EJB
    WebhookIngestion ingestion;

    @POST
    @Path("{provider}")
    public Response receive(@PathParam("provider") String provider, byte[] body, @Context HttpHeaders headers) {
        if (!WebhookIngestion.PROVIDERS.contains(provider)) {
            return error(Response.Status.NOT_FOUND, "unknown provider " + provider);
        }
        Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, String.join(",", values)));
        try {
            IngestResult result = ingestion.receive(provider, body == null ? new byte[0] : body, flat);
            return Response.ok(result).build();
        } catch (WebhookRejectedException e) {
            return error(Response.Status.UNAUTHORIZED, e.getMessage());
        } catch (MalformedWebhookException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (WebhookNotConfiguredException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (EJBException e) {
            if (e.getCausedByException() instanceof MalformedWebhookException malformed) {
                return error(Response.Status.BAD_REQUEST, malformed.getMessage());
            }
            throw e;
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", status.getReasonPhrase(), "message", message == null ? "" : message)).build();
    }
}
