package io.distman.demo;

import io.distman.feedback.boundary.WebhookIngestion;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's mail provider speaking as Postmark does: one webhook record per event, posted to the demo
 * account's own webhook URL with the account's webhook login, through the same intake as a real provider's
 * request. The record names the delivery by the id Postmark echoes back (its Metadata), which the account's
 * own authenticated URL accepts together with the delivery's recipient.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoPostmark {

    /** Published in the README: the demo accounts' own Postmark webhook login (basic auth, user = password). */
    static final String WEBHOOK_LOGIN = "demo-postmark";

    @EJB
    WebhookIngestion webhooks;

    /** A Delivery, Open or Click record ({@code recordType}) of the delivery, happened at {@code at}. */
    public void report(String accountCode, long deliveryId, String email, String recordType, Instant at) {
        JsonObjectBuilder record = record(recordType, deliveryId, email)
                .add("Recipient", email)
                .add("Delivery".equals(recordType) ? "DeliveredAt" : "ReceivedAt", at.toString());
        if (!"Delivery".equals(recordType)) {
            // A person's mail program: the intake takes Apple's and Google's proxies for machines.
            record.add("UserAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0 Safari/537.36 Thunderbird/128.0");
        }
        if ("Click".equals(recordType)) {
            record.add("OriginalLink", "https://pay.example/rent");
        }
        post(accountCode, deliveryId, record.build());
    }

    /**
     * A Bounce or SpamComplaint record: {@code type} is Postmark's ("HardBounce", "SpamComplaint",
     * "Unsubscribe"), {@code details} the receiving server's words.
     */
    public void bounce(String accountCode, long deliveryId, String email, String type, String details, Instant at) {
        post(accountCode, deliveryId, record("SpamComplaint".equals(type) ? "SpamComplaint" : "Bounce", deliveryId, email)
                .add("Type", type).add("Email", email).add("BouncedAt", at.toString()).add("Details", details).build());
    }

    private static JsonObjectBuilder record(String recordType, long deliveryId, String email) {
        return Json.createObjectBuilder().add("RecordType", recordType).add("ID", deliveryId)
                .add("Metadata", Json.createObjectBuilder().add("distman-delivery-id", String.valueOf(deliveryId)));
    }

    private void post(String accountCode, long deliveryId, JsonObject record) {
        String login = Base64.getEncoder().encodeToString((WEBHOOK_LOGIN + ":" + WEBHOOK_LOGIN).getBytes(StandardCharsets.UTF_8));
        try {
            webhooks.receive("postmark", accountCode, record.toString().getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", "Basic " + login)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (WebhookRejectedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("demo webhook for delivery " + deliveryId + " failed", e);
        }
    }
}
