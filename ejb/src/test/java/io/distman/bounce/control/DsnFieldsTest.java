package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DsnFieldsTest {

    @Test
    void parsesPerRecipientGroupsWithFoldedDiagnostic() {
        String dsn = """
                Reporting-MTA: dns; mx.example.org
                Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900

                Original-Recipient: rfc822;First@Example.JP
                Final-Recipient: RFC822; <First@Example.JP>
                Action: failed
                Status: 5.1.1 (bad destination mailbox)
                Remote-MTA: dns; mx.example.jp
                Diagnostic-Code: smtp; 550 5.1.1 <first@example.jp>:
                    Recipient address rejected: User unknown in local recipient table

                Final-Recipient: rfc822; second@example.jp
                Action: delayed
                Status: 4.2.2
                """;
        List<DeliveryFacts> facts = DsnFields.parse(dsn);
        assertEquals(2, facts.size());
        DeliveryFacts first = facts.get(0);
        assertEquals("first@example.jp", first.recipient());
        assertEquals("failed", first.action());
        assertEquals("5.1.1", first.status());
        assertEquals("SMTP", first.diagnosticType());
        assertTrue(first.diagnostic().endsWith("User unknown in local recipient table"), first.diagnostic());
        assertEquals("mx.example.jp", first.remoteMta());
        assertEquals("second@example.jp", facts.get(1).recipient());
        assertEquals("delayed", facts.get(1).action());
    }

    @Test
    void splitsRecipientsEvenWithoutBlankLines() {
        String dsn = """
                Final-Recipient: rfc822; a@example.com
                Action: failed
                Status: 5.0.0
                Final-Recipient: rfc822; b@example.com
                Action: failed
                Status: 5.2.2
                """;
        List<DeliveryFacts> facts = DsnFields.parse(dsn);
        assertEquals(List.of("a@example.com", "b@example.com"), facts.stream().map(DeliveryFacts::recipient).toList());
        assertEquals("5.2.2", facts.get(1).status());
    }

    @Test
    void actionBeforeTheAddressOpensEachRecipientsGroup() {
        // PMDF/Messaging Server order: Action and Status first, then the recipient fields.
        String dsn = """
                Reporting-MTA: dns; mailbox0.example.org

                Action: failed
                Status: 5.0.0 (Remote SMTP server has rejected address)
                Original-recipient: rfc822;a@example.org
                Final-recipient: rfc822;a@example.org
                Diagnostic-code: smtp; 550 5.7.1 User Unknown: a@example.org

                Action: failed
                Status: 5.0.0 (Remote SMTP server has rejected address)
                Original-recipient: rfc822;b@example.org
                Final-recipient: rfc822;b@example.org
                Diagnostic-code: smtp; 550 5.7.1 User Unknown: b@example.org
                """;
        List<DeliveryFacts> facts = DsnFields.parse(dsn);
        assertEquals(List.of("a@example.org", "b@example.org"), facts.stream().map(DeliveryFacts::recipient).toList());
        assertEquals("failed", facts.get(1).action());
        assertEquals("5.0.0", facts.get(1).status());
    }

    @Test
    void anMboxIsSplitAtItsPostmarkLines() {
        String mbox = "From MAILER-DAEMON  Thu Apr 29 23:34:45 2015\nSubject: one\n\nbody 1\nFrom here on, prose.\n\n"
                + "From MAILER-DAEMON  Thu Apr 29 23:34:46 2015\nSubject: two\n\nbody 2\n";
        List<byte[]> messages = MboxSplitter.split(mbox.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(2, messages.size());
        assertTrue(new String(messages.get(0), java.nio.charset.StandardCharsets.ISO_8859_1).contains("From here on"));
        assertTrue(new String(messages.get(1), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("From MAILER-DAEMON"));
        byte[] single = "Subject: x\n\nFrom MAILER-DAEMON  Thu Apr 29 23:34:45 2015\n".getBytes();
        assertEquals(1, MboxSplitter.split(single).size());
    }

    @Test
    void greetingRefusalIsTheConnectionStage() {
        assertEquals("CONN", SmtpCommands.detect("host mx.example.net[192.0.2.1] refused to talk to me: 421 Service not available"));
    }

    @Test
    void commandIsTakenFromTheDiagnostic() {
        assertEquals("RCPT", SmtpCommands.detect("host said: 550 unknown (in reply to RCPT TO command)"));
        assertEquals("DATA", SmtpCommands.detect("SMTP error from remote mail server after end of data:"));
        assertEquals("CONN", SmtpCommands.detect("SMTP error from remote mail server after initial connection:"));
        assertEquals("MAIL", SmtpCommands.detect("SMTP error from remote mail server after MAIL FROM:<a@b.c> SIZE=1"));
    }
}
