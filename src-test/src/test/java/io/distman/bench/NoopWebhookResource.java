package io.distman.bench;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Bench only (added to the test WAR): a POST that reads the body and answers a small JSON object,
 * like the webhook endpoint but doing nothing. Its rate, measured next to the webhook's in the same
 * run, is the ceiling of the HTTP layer (client, Grizzly, Jersey) on this machine.
 */
@Path("webhooks/bench-noop") // under webhooks/: no API key, as for the real endpoint
public class NoopWebhookResource {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> receive(byte[] body) {
        return Map.of("matched", 0, "unmatched", 0, "duplicates", 0, "bytes", body == null ? 0 : body.length);
    }
}
