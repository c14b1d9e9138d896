package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * SendGrid's signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header followed by
 * the raw body, checked before the body is parsed.
 */
public final class SendGridSignatureVerifier implements RequestAuthenticator {

    static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private final PublicKey publicKey;
    private final FreshnessCheck freshness;

    public SendGridSignatureVerifier(PublicKey publicKey, FreshnessCheck freshness) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
    }

    /** @param base64Der the "Verification Key" SendGrid shows: Base64 of a DER SubjectPublicKeyInfo */
    public static SendGridSignatureVerifier fromBase64(String base64Der, FreshnessCheck freshness) {
        try {
            byte[] der = Base64.getDecoder().decode(base64Der.strip());
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            return new SendGridSignatureVerifier(key, freshness);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 DER EC public key", e);
        }
    }

    @Override
    public void authenticate(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        String signature = HeaderLookup.get(headers, SIGNATURE_HEADER);
        String timestamp = HeaderLookup.get(headers, TIMESTAMP_HEADER);
        if (signature == null || timestamp == null) {
            throw new WebhookRejectedException("missing SendGrid signature headers");
        }
        byte[] signatureDer;
        try {
            signatureDer = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("SendGrid signature is not valid Base64", e);
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body == null ? new byte[0] : body);
            valid = verifier.verify(signatureDer);
        } catch (GeneralSecurityException e) {
            // A garbled DER signature surfaces here; it is a failed check, not a server error.
            throw new WebhookRejectedException("SendGrid signature could not be checked", e);
        }
        if (!valid) {
            throw new WebhookRejectedException("SendGrid signature does not match");
        }
        // Checked after the signature so the timestamp we judge is one SendGrid vouched for.
        freshness.check(Timestamps.fromEpochSeconds(timestamp));
    }
}
