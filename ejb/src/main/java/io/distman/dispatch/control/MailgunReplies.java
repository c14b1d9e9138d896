package io.distman.dispatch.control;

import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What Mailgun's answer to one send request means for the delivery. Mailgun answers 200 with
 * {@code {"id": "<...@domain>", "message": "Queued. Thank you."}} and errors as
 * {@code {"message": "..."}} (documented under "API Response Codes"):
 * <ul>
 * <li>200: ACCEPTED; its id is the provider message id webhooks may name the message by.</li>
 * <li>400 (a parameter is wrong: "to parameter is not a valid address", options over 16 kB...) and
 *     413 (larger than Mailgun's 25 MB): REJECTED. The same request would be refused again, so
 *     retrying is pointless; and it is Mailgun refusing our request before any delivery attempt, not
 *     the recipient's server refusing the mail, so it is not FAILED, which would count against the
 *     address in the suppression policy.</li>
 * <li>401, 403 (the key is wrong or lacks the right) and 404 (the domain is unknown to this key or
 *     region; Mailgun adds it "can be temporal"): TEMPORARY_FAILURE. Our set-up is wrong, not the
 *     recipient: the mail waits for an admin's fix and is retried on the back-off, until the
 *     maximum age.</li>
 * <li>429 (rate limit) and 5xx: TEMPORARY_FAILURE, not retried before the Retry-After it names.</li>
 * <li>Anything else (402, 3xx from a wrong base URL...): TEMPORARY_FAILURE, so an unexpected answer
 *     never loses mail; the maximum age ends it.</li>
 * </ul>
 * The HTTP status goes into the status detail ("Mailgun HTTP 429: ..."), never into the SMTP code.
 */
public final class MailgunReplies {

    public static final String PROVIDER = "mailgun";
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final int MAX_TEXT = 500;

    private MailgunReplies() {
    }

    public static SendResult of(long deliveryId, int status, String retryAfter, String body, Instant now) {
        JsonObject json = json(body);
        String message = json == null ? clip(body) : clip(string(json, "message"));
        String reply = "Mailgun HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message);
        if (status / 100 == 2) {
            String id = json == null ? null : string(json, "id");
            return result(deliveryId, SendOutcome.ACCEPTED, reply, bare(id), now, null);
        }
        SendOutcome outcome = status == 400 || status == 413 ? SendOutcome.REJECTED : SendOutcome.TEMPORARY_FAILURE;
        return result(deliveryId, outcome, reply, null, now, outcome == SendOutcome.TEMPORARY_FAILURE ? retryAt(retryAfter, now) : null);
    }

    /** No answer at all (refused connection, timeout, broken stream): worth another try. */
    public static SendResult fault(long deliveryId, Throwable fault, Instant now) {
        String what = fault instanceof HttpTimeoutException ? "no answer in time" : "no answer";
        String detail = fault.getMessage() == null ? fault.getClass().getSimpleName() : fault.getMessage();
        return result(deliveryId, SendOutcome.TEMPORARY_FAILURE, "Mailgun " + what + ": " + clip(detail), null, now, null);
    }

    /**
     * True for answers about our account rather than about the one message: bad credentials,
     * unknown domain, rate limit. The rest of the block would get the same answer, so it is not sent.
     */
    public static boolean concernsTheAccount(int status) {
        return status == 401 || status == 403 || status == 404 || status == 429;
    }

    /** Credentials or domain are wrong: nothing gets through until an admin changes the settings. */
    public static boolean needsAnAdmin(int status) {
        return status == 401 || status == 403 || status == 404;
    }

    /** HTTP Retry-After: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3); null when absent or unreadable. */
    static Instant retryAt(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : now.plus(Duration.ofSeconds(Math.min(seconds, Duration.ofDays(30).toSeconds())));
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static SendResult result(long deliveryId, SendOutcome outcome, String reply, String providerId, Instant now,
                                     Instant notBefore) {
        return new SendResult(deliveryId, outcome, null, null, reply, PROVIDER, providerId, now, notBefore);
    }

    private static JsonObject json(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonString text ? text.getString() : null;
    }

    /** Webhooks carry the id without angle brackets, the send API with them; stored bare, as the webhook side matches. */
    static String bare(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
    }
}
