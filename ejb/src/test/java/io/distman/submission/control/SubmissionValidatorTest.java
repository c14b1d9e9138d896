package io.distman.submission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SubmitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final SubmissionLimits LIMITS = new SubmissionLimits(100, 150, 3, 1000);

    private static SubmitRequest.Builder valid() {
        return SubmitRequest.builder().account("northside").raisedBy("anna").category(Category.TRANSACTIONAL)
                .sender("lettings@northside.example", "Northside").to("olivia@tenant.example").subject("Hello").text("Body");
    }

    private static List<String> fields(SubmitRequest request) {
        return SubmissionValidator.check(request, LIMITS, NOW).stream().map(FieldError::field).toList();
    }

    @Test
    void aValidRequestHasNoErrors() {
        assertEquals(List.of(), fields(valid().build()));
    }

    @Test
    void missingAndInvalidRecipientAddressesAreNotErrors() {
        assertEquals(List.of(), fields(valid().to(List.of(new RecipientInput(null, "No Mail"),
                new RecipientInput("not an address", null))).build()));
    }

    @Test
    void namesEachBadField() {
        assertEquals(List.of("to[1].address"), fields(valid().to("a@b.example", "x@y.example\nBcc: z@z.example").build()));
        assertEquals(List.of("to"), fields(valid().to("a@b.example", "b@b.example").cc("c@b.example", "d@b.example").build()));
        assertEquals(List.of("sendAt"), fields(valid().sendAt(NOW.plus(Duration.ofDays(400))).build()));
        assertEquals(List.of("attachments[0].content"), fields(valid().attachments(List.of(
                new AttachmentInput("a.pdf", "application/pdf", new byte[101]))).build()));
        assertEquals(List.of("attachments"), fields(valid().attachments(List.of(
                new AttachmentInput("a.pdf", "application/pdf", new byte[80]),
                new AttachmentInput("b.pdf", "application/pdf", new byte[80]))).build()));
        assertEquals(List.of("headers"), fields(valid().headers(Map.of("Bad Name", "x")).build()));
        assertEquals(List.of("htmlBody"), fields(valid().html("x".repeat(1001)).build()));
        assertEquals(List.of("subject"), fields(valid().subject("x\u0000y").build()));
        assertEquals(List.of("sender.replyTo"), fields(valid().sender(new io.distman.submission.entity.SenderInput(
                "a@b.example", null, "nope")).build()));
    }

    @Test
    void providerControlAndOwnHeadersAreRefusedByNameInAnyCase() {
        for (String name : List.of("X-PM-Metadata-distman-delivery-id", "x-pm-tag", "X-SMTPAPI", "X-SES-MESSAGE-TAGS",
                "X-SES-CONFIGURATION-SET", "X-Mailgun-Variables", "x-mailgun-tag", "X-MC-Metadata", "X-MSYS-API",
                "X-Mailjet-Campaign", "X-MJ-CustomID", "X-Distman-Anything", "Message-ID", "RETURN-PATH", "List-Unsubscribe",
                "List-Unsubscribe-Post", "Feedback-ID")) {
            assertEquals(List.of("headers[" + name + "]"), fields(valid().headers(Map.of(name, "4711")).build()), name);
        }
        assertEquals(List.of(), fields(valid().headers(Map.of("X-Priority", "1", "X-Pmx", "ok", "X-Mailer-Info", "ok"))
                .build()), "neighbouring names stay free");
    }

    @Test
    void aNullRequestIsOneError() {
        assertEquals(List.of(new FieldError("request", "is required")), SubmissionValidator.check(null, LIMITS, NOW));
    }

    @Test
    void encodingProblemsAreFound() {
        assertTrue(TextCheck.encodingProblem("ok \uD83D\uDE00 emoji") == null);
        assertTrue(TextCheck.encodingProblem("lone \uDC00").contains("unpaired surrogate"));
        assertTrue(TextCheck.encodingProblem("lone \uD800").contains("unpaired surrogate"));
    }
}
