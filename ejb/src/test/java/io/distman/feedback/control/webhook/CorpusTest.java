package io.distman.feedback.control.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every corpus payload through its parser and compares with expected.tsv row by row. */
class CorpusTest {

    static final String MAILGUN_KEY = "key-test";
    static final String MAILGUN_BAD_SIGNATURE_FILE = "mailgun/mg-signature-invalid.json";
    static final String SENDGRID_SIGNED_FILE = "sendgrid/sg-signed-test-payload.json";
    static final String SENDGRID_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
    static final String SENDGRID_SIGNATURE = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";
    static final String SENDGRID_TIMESTAMP = "1588788367";
    static final String POSTMARK_USER = "distman";
    static final String POSTMARK_PASSWORD = "corpus-secret";

    @TestFactory
    Stream<DynamicTest> everyExpectationRowMatches() {
        Map<String, List<Corpus.Row>> byFile = Corpus.expectations().stream()
                .collect(Collectors.groupingBy(Corpus.Row::file, LinkedHashMap::new, Collectors.toList()));
        return byFile.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<String> mismatches = check(entry.getKey(), entry.getValue());
            assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        }));
    }

    @Test
    void agreementIsCompleteAndEveryFileIsCovered() throws IOException {
        List<Corpus.Row> rows = Corpus.expectations();
        assertEquals(83, rows.size(), "expected.tsv rows");
        Map<String, int[]> perProvider = new TreeMap<>();
        Map<String, List<Corpus.Row>> byFile = rows.stream()
                .collect(Collectors.groupingBy(Corpus.Row::file, LinkedHashMap::new, Collectors.toList()));
        List<String> allMismatches = new ArrayList<>();
        for (Map.Entry<String, List<Corpus.Row>> entry : byFile.entrySet()) {
            List<String> mismatches = check(entry.getKey(), entry.getValue());
            allMismatches.addAll(mismatches);
            int[] counts = perProvider.computeIfAbsent(entry.getValue().get(0).provider(), p -> new int[2]);
            counts[1] += entry.getValue().size();
            // A file's rows agree when none of its checks failed; mismatches name the rows.
            counts[0] += entry.getValue().size() - (int) mismatches.stream().map(m -> m.split(" ")[0]).distinct().count();
        }
        perProvider.forEach((provider, c) ->
                System.out.printf("corpus agreement %-10s %d/%d%n", provider, c[0], c[1]));

        try (Stream<Path> files = Files.walk(Corpus.webhooks())) {
            List<String> payloads = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> Corpus.webhooks().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertEquals(71, payloads.size(), "payload files");
            assertEquals(payloads, byFile.keySet().stream().sorted().toList(), "every payload has expectations");
        }
        assertTrue(allMismatches.isEmpty(), String.join("\n", allMismatches));
    }

    @Test
    void mailgunSampleWithForeignSignatureIsRejected() {
        byte[] body = Corpus.bytes(MAILGUN_BAD_SIGNATURE_FILE);
        assertThrows(WebhookRejectedException.class, () -> mailgunParserFor(body).parse(body, Map.of()));
    }

    /** Mismatch descriptions, each starting with "file#index". */
    private static List<String> check(String file, List<Corpus.Row> rows) {
        List<String> mismatches = new ArrayList<>();
        byte[] body = Corpus.bytes(file);
        if (file.equals(MAILGUN_BAD_SIGNATURE_FILE)) {
            try {
                mailgunParserFor(body).parse(body, Map.of());
                mismatches.add(file + "# was accepted although its signature was made with another key");
            } catch (WebhookRejectedException expected) {
                // the one row of this file expects exactly this
            }
            return mismatches;
        }
        List<ProviderEvent> events;
        try {
            events = parse(rows.get(0).provider(), file, body);
        } catch (WebhookRejectedException | RuntimeException e) {
            mismatches.add(file + "# failed: " + e);
            return mismatches;
        }
        if (events.size() != rows.size()) {
            mismatches.add(file + "# produced " + events.size() + " events for " + rows.size() + " rows");
            return mismatches;
        }
        for (Corpus.Row row : rows) {
            ProviderEvent event = events.get(row.indexOrZero());
            String where = file + "#" + row.index();
            String status = event.status() == null ? "" : event.status().name();
            compare(mismatches, where, "status", row.expectedStatus(), status);
            compare(mismatches, where, "recipient", row.recipient(), Objects.toString(event.recipient(), ""));
            compare(mismatches, where, "message id", row.messageId(), Objects.toString(event.providerMessageId(), ""));
            compare(mismatches, where, "provider", row.provider(), event.provider());
        }
        return mismatches;
    }

    private static void compare(List<String> mismatches, String where, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            mismatches.add(where + " " + what + ": expected '" + expected + "' but was '" + actual + "'");
        }
    }

    static List<ProviderEvent> parse(String provider, String file, byte[] body) throws WebhookRejectedException {
        return switch (provider) {
            case "mailgun" -> mailgunParserFor(body).parse(body, Map.of());
            // Real SNS signatures of the corpus cannot be checked offline; SnsSignatureTest covers them.
            case "amazon-ses" -> new AmazonSesEventParser(SnsMessageVerifier.insecureAcceptAll()).parse(body, Map.of());
            case "sendgrid" -> file.equals(SENDGRID_SIGNED_FILE)
                    ? new SendGridEventParser(SendGridSignatureVerifier.fromBase64(SENDGRID_PUBLIC_KEY,
                            FreshnessCheck.defaultWindow(clockAt(Instant.ofEpochSecond(Long.parseLong(SENDGRID_TIMESTAMP))))))
                            .parse(body, sendGridHeaders())
                    : new SendGridEventParser(RequestAuthenticator.insecureAcceptAll()).parse(body, Map.of());
            case "postmark" -> new PostmarkEventParser(new BasicAuthAuthenticator(POSTMARK_USER, POSTMARK_PASSWORD))
                    .parse(body, Map.of("Authorization", basic(POSTMARK_USER, POSTMARK_PASSWORD)));
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    /** Full verification, with the clock set to just after the sample was signed. */
    static MailgunEventParser mailgunParserFor(byte[] body) {
        JsonObject signature = Json.createReader(new ByteArrayInputStream(body)).readObject().getJsonObject("signature");
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(signature.getString("timestamp")));
        Clock clock = clockAt(signedAt.plusSeconds(30));
        return new MailgunEventParser(new MailgunSignatureVerifier(MAILGUN_KEY,
                FreshnessCheck.defaultWindow(clock), new InMemoryReplayGuard(clock)));
    }

    static Map<String, String> sendGridHeaders() {
        // Lower case on purpose: header names must be matched case-insensitively.
        return Map.of("x-twilio-email-event-webhook-signature", SENDGRID_SIGNATURE,
                "x-twilio-email-event-webhook-timestamp", SENDGRID_TIMESTAMP);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
