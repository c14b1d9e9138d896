package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mailgun's webhook signature: hex HMAC-SHA256 of {@code timestamp + token}, keyed with the HTTP
 * webhook signing key. The signature alone does not stop a captured request from being resent,
 * hence the freshness window and the one-time token.
 */
public final class MailgunSignatureVerifier {

    // With freshness off, tokens still need some lifetime in the guard.
    static final Duration RETENTION_WITHOUT_WINDOW = Duration.ofDays(1);

    private final SecretKeySpec key;
    private final FreshnessCheck freshness;
    private final ReplayGuard replayGuard;

    public MailgunSignatureVerifier(String signingKey, FreshnessCheck freshness, ReplayGuard replayGuard) {
        Objects.requireNonNull(signingKey, "signingKey");
        if (signingKey.isEmpty()) {
            throw new IllegalArgumentException("signingKey is empty");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
    }

    public void verify(String timestamp, String token, String signature) throws WebhookRejectedException {
        if (timestamp == null || token == null || signature == null) {
            throw new WebhookRejectedException("missing Mailgun signature fields");
        }
        byte[] expected = hmac(timestamp + token);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("Mailgun signature is not hex", e);
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookRejectedException("Mailgun signature does not match");
        }
        Instant signedAt = Timestamps.fromEpochSeconds(timestamp);
        freshness.check(signedAt);
        Instant now = freshness.clock().instant();
        Instant base = signedAt != null && signedAt.isAfter(now) ? signedAt : now;
        Duration retention = freshness.enabled() ? freshness.window() : RETENTION_WITHOUT_WINDOW;
        if (!replayGuard.claim("mailgun:" + token, base.plus(retention))) {
            throw new WebhookRejectedException("Mailgun token was already used");
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must support HmacSHA256", e);
        }
    }
}
