package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** End-to-end checks on small synthetic messages, one per kind of report. */
class BounceClassifierTest {

    private final BounceClassifier classifier = new BounceClassifier();

    private BounceReport classify(String raw) throws IOException {
        return classifier.classify(new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    static final String DSN = """
            Return-Path: <>
            Delivered-To: bounce+c42-r9f3@news.example.org
            From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
            To: bounce+c42-r9f3@news.example.org
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            <Gone@Example.JP>: host mx.example.jp said: 550 5.1.1 <gone@example.jp>:
                Recipient address rejected: User unknown (in reply to RCPT TO command)

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; Gone@Example.JP
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <gone@example.jp>: Recipient address
                rejected: User unknown (in reply to RCPT TO command)

            Final-Recipient: rfc822; full@example.jp
            Action: delayed
            Status: 4.2.2
            Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

            --B
            Content-Type: text/rfc822-headers

            From: news@example.org
            To: gone@example.jp
            Subject: Newsletter
            Message-ID: <20240101.abc@news.example.org>

            --B--
            """;

    @Test
    void rfc3464PerRecipientWithCorrelation() throws IOException {
        BounceReport report = classify(DSN);
        assertEquals("rfc3464", report.format());
        assertEquals(2, report.recipients().size());
        BounceRecipient gone = report.recipients().get(0);
        assertEquals("gone@example.jp", gone.recipient());
        assertEquals(BounceKind.HARD, gone.kind());
        assertEquals("userunknown", gone.reason());
        assertEquals("5.1.1", gone.status());
        assertEquals("failed", gone.action());
        assertTrue(gone.diagnostic().contains("User unknown"));
        assertEquals("<20240101.abc@news.example.org>", gone.originalMessageId());
        assertEquals("c42-r9f3", gone.verpToken());

        BounceRecipient full = report.recipients().get(1);
        assertEquals(BounceKind.SOFT, full.kind());
        assertEquals("mailboxfull", full.reason());
        assertEquals("delayed", full.action());
        assertTrue(report.isBounce());
    }

    @Test
    void verpTokenComesFromEnvelopeHeadersOrOriginalReturnPath() {
        assertEquals("abc.123", VerpTokens.extract("<bounce+abc.123@bounces.example.org>"));
        assertEquals("", VerpTokens.extract("bounces@example.org"));
        assertEquals("", VerpTokens.extract("nobounce+x@example.org"));
    }

    @Test
    void arfComplaint() throws IOException {
        String arf = """
                From: feedbackloop@fbl.example.net
                To: fbl@example.org
                Subject: FW: Newsletter
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="F"

                --F
                Content-Type: text/plain

                This is an email abuse report for an email message received from IP 192.0.2.1.

                --F
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Mail-From: <bounce+tok77@news.example.org>
                Original-Rcpt-To: <Reader@Example.NET>
                Source-IP: 192.0.2.1

                --F
                Content-Type: message/rfc822

                Return-Path: <bounce+tok77@news.example.org>
                From: news@example.org
                To: reader@example.net
                Subject: Newsletter
                Message-ID: <nl-1@news.example.org>

                Hello
                --F--
                """;
        BounceReport report = classify(arf);
        assertEquals("arf", report.format());
        BounceRecipient r = report.recipients().get(0);
        assertEquals(BounceKind.COMPLAINT, r.kind());
        assertEquals("feedback", r.reason());
        assertEquals("reader@example.net", r.recipient());
        assertEquals("<nl-1@news.example.org>", r.originalMessageId());
        assertEquals("tok77", r.verpToken());
        assertFalse(report.isBounce());
    }

    @Test
    void autoReplyIsNeverABounce() throws IOException {
        String vacation = """
                From: Kijitora <kijitora@example.net>
                To: bounce+t1@news.example.org
                Subject: Out of Office: Newsletter
                Auto-Submitted: auto-replied
                In-Reply-To: <nl-2@news.example.org>
                Content-Type: text/plain

                I am out of the office until Monday. Your mail was not read.
                """;
        BounceReport report = classify(vacation);
        BounceRecipient r = report.recipients().get(0);
        assertEquals(BounceKind.AUTOREPLY, r.kind());
        assertEquals("vacation", r.reason());
        assertEquals("kijitora@example.net", r.recipient());
        assertEquals("<nl-2@news.example.org>", r.originalMessageId());
        assertEquals("t1", r.verpToken());
    }

    @Test
    void bounceCarryingAutoSubmittedIsStillABounce() throws IOException {
        // Exim marks its bounces "Auto-Submitted: auto-replied"; the DSN must win.
        String exim = DSN.replace("Subject: Undelivered", "Auto-Submitted: auto-replied\nSubject: Undelivered");
        assertEquals(BounceKind.HARD, classify(exim).recipients().get(0).kind());
    }

    @Test
    void proseBounceFromExim() throws IOException {
        String exim = """
                From: Mail Delivery System <Mailer-Daemon@mx.example.org>
                To: bounce+x9@news.example.org
                Subject: Mail delivery failed: returning message to sender
                Auto-Submitted: auto-replied

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  someone@example.com
                    host mx.example.com [192.0.2.2]
                    SMTP error from remote mail server after RCPT TO:<someone@example.com>:
                    550 5.2.2 <someone@example.com>: mailbox is full

                ------ This is a copy of the message, including all the headers. ------

                Return-path: <bounce+x9@news.example.org>
                Message-Id: <nl-3@news.example.org>
                From: news@example.org
                To: someone@example.com
                Subject: Newsletter

                Hello
                """;
        BounceReport report = classify(exim);
        BounceRecipient r = report.recipients().get(0);
        assertEquals("someone@example.com", r.recipient());
        assertEquals("mailboxfull", r.reason());
        assertEquals(BounceKind.SOFT, r.kind());
        assertEquals("5.2.2", r.status());
        assertEquals("<nl-3@news.example.org>", r.originalMessageId());
        assertEquals("x9", r.verpToken());
    }

    @Test
    void ordinaryMailIsUnknownWithOneEmptyRow() throws IOException {
        String mail = """
                From: friend@example.com
                To: me@example.org
                Subject: lunch?
                Content-Type: text/plain

                See you at noon.
                  someone@example.com
                """;
        BounceReport report = classify(mail);
        assertEquals(1, report.recipients().size());
        assertEquals(BounceKind.UNKNOWN, report.recipients().get(0).kind());
        assertEquals("", report.recipients().get(0).recipient());
    }
}
