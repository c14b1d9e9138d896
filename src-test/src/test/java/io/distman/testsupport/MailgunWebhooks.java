package io.distman.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mailgun webhook bodies as Mailgun signs them: HMAC-SHA256 of timestamp + token with the webhook signing key. */
public final class MailgunWebhooks {

    private MailgunWebhooks() {
    }

    /** A fresh token and the current time, signed with {@code key}, around {@code eventData} (a JSON object). */
    public static String signed(String key, String eventData) {
        long timestamp = System.currentTimeMillis() / 1000;
        String token = UUID.randomUUID().toString();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
            return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\"" + signature
                    + "\"},\"event-data\":" + eventData + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
