package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each general rule documented by the signal it reads, on synthetic lines (no corpus file):
 * MTA-family sentences, RFC 7505, the SMTP stage, and which status code counts.
 */
class GeneralRulesTest {

    private final ReasonResolver resolver = new ReasonResolver();

    private Reason resolve(String status, String command, String diagnostic) {
        return resolve("", status, command, diagnostic);
    }

    /** The reason for a synthetic recipient whose remote server was {@code remoteMta}. */
    private Reason resolve(String remoteMta, String status, String command, String diagnostic) {
        DeliveryFacts f = new DeliveryFacts("rcpt@example.net");
        f.status = status;
        f.action = "failed";
        f.command = command;
        f.remoteMta = remoteMta;
        f.diagnostic = diagnostic;
        DiagnosticDetails.complete(f);
        return resolver.resolve(f);
    }

    private BounceRecipient classify(String raw) throws IOException {
        return new BounceClassifier().classify(new ByteArrayInputStream(
                raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))).recipients().get(0);
    }

    @Test
    void rfc3463MailboxDisabledIsASuspendedMailbox() {
        // X.2.1 "Mailbox disabled, not accepting messages": the mailbox exists but is switched off.
        assertEquals(Reason.SUSPEND, resolve("4.2.1", "RCPT", "450 4.2.1 <a@example.net>: try later"));
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(Reason.SUSPEND, "4.2.1", "450"));
    }

    @Test
    void rfc7505NullMxMeansTheDomainAcceptsNoMail() {
        // Gmail's wording; "DNS Error" alone would otherwise read as a network error.
        assertEquals(Reason.NOTACCEPT, resolve("4.0.0", "",
                "DNS Error: 1234 DNS type 'mx' lookup of example.net responded with code NOERROR"
                        + " The domain example.net doesn't receive email according to the administrator: returned Null MX"));
        assertEquals(Reason.NOTACCEPT, resolve("5.0.0", "", "550 host example.net does not accept mail (nullMX)"));
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(Reason.NOTACCEPT, "4.0.0", ""));
    }

    @Test
    void openSmtpdQueueAndRoutingMessages() {
        assertEquals(Reason.EXPIRED, resolve("", "", "Envelope expired"));
        assertEquals(Reason.NOTACCEPT, resolve("", "", "Destination seem to reject all mails"));
        assertEquals(Reason.NOTACCEPT, resolve("", "", "No MX found for destination"));
        assertEquals(Reason.HOSTUNKNOWN, resolve("", "", "Invalid domain name"));
    }

    @Test
    void mtaFamilySentencesFromTheirSources() {
        Object[][] cases = {
                // Exim (transports/smtp.c, routers/dnslookup.c, deliver.c, appendfile.c)
                {"all host address lookups failed permanently", Reason.HOSTUNKNOWN},
                {"all relevant MX records point to non-existent hosts", Reason.HOSTUNKNOWN},
                {"no host found for existing SMTP connection", Reason.NOTACCEPT},
                {"delivery to pipe forbidden", Reason.SYSTEMERROR},
                {"LMTP error after end of data: 451 try later", Reason.SYSTEMERROR},
                {"Too many \"Received\" headers - suspected mail loop", Reason.CONTENTERROR},
                {"mailbox is full (MTA-imposed quota exceeded) error: quota exceeded", Reason.MAILBOXFULL},
                // qmail-remote.c / qmail-local.c
                {"Sorry, I couldn't find any host named example.net. (#5.1.2)", Reason.HOSTUNKNOWN},
                {"Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", Reason.NOTACCEPT},
                {"Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", Reason.NETWORKERROR},
                {"Sorry, no mailbox here by that name. (#5.1.1)", Reason.USERUNKNOWN},
                // Courier (esmtpclient.c)
                {"This domain's DNS violates RFC 1035.", Reason.SYSTEMERROR},
                // OpenSMTPD (smtpd/mta.c)
                {"Temporary failure in MX lookup", Reason.NETWORKERROR},
                {"No valid route to destination", Reason.NETWORKERROR},
                {"Could not retrieve credentials", Reason.SECURITYERROR},
                // Domino in Spanish, Gmail's DNS errors, Amavis' verdicts
                {"kijitora@example.net no se encuentra en el Directorio de Domino", Reason.USERUNKNOWN},
                {"DNS Error: Domain name not found", Reason.HOSTUNKNOWN},
                {"554 5.7.0 Reject, id=12345 - INFECTED: Eicar-Test-Signature", Reason.VIRUSDETECTED},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], resolve("", "", (String) c[0]), (String) c[0]);
        }
    }

    @Test
    void anExplicitStatusCodeBeatsAnMtaSentence() {
        // 5.2.2 names "mailbox full"; Exim's LMTP sentence only says where it failed.
        assertEquals(Reason.MAILBOXFULL, resolve("5.2.2", "", "LMTP error after end of data: 552 over quota"));
    }

    @Test
    void providerTablesOfAppleTencentMimecastAndIua() {
        // Each line is read by the provider's table only: from another host it says less.
        String[][] cases = {
                {"mx01.mail.icloud.com", "5.0.0", "550 5.0.0 <rcpt@example.net>: recipient no longer on server", "HASMOVED"},
                {"mx01.mail.icloud.com", "5.0.0", "550 5.0.0 <rcpt@example.net>: unknown or illegal alias", "USERUNKNOWN"},
                {"mx3.qq.com", "5.0.0", "550 Mailbox unavailable or access denined [ts.2]", "SPEEDING"},
                // Mimecast: the pair of reply code and text decides, not the text alone.
                {"eu-smtp-inbound-1.mimecast.com", "5.0.0",
                        "550 Rejected by header-based Anti-Spoofing policy: a@example.com", "POLICYVIOLATION"},
                {"mx.email.ua", "5.0.0", "550 Sorry, see http://mail.i.ua/err/3/", "SUSPEND"},
                // Exchange Online's documented pairs: a refusal of the recipient is not "unknown".
                {"example-net.mail.protection.outlook.com", "5.7.504",
                        "550 5.7.504 Recipient address rejected: Access denied", "SUSPEND"},
                {"example-net.mail.protection.outlook.com", "5.2.121",
                        "550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded", "SPEEDING"},
        };
        for (String[] c : cases) {
            assertEquals(Reason.valueOf(c[3]), resolve(c[0], c[1], "", c[2]), c[2]);
            assertEquals(false, Reason.valueOf(c[3]) == resolve("mx.example.org", c[1], "", c[2]), c[2]);
        }
    }

    @Test
    void dragonFlyMailAgentDnsFailureIsAnUnknownHost() {
        assertEquals(Reason.HOSTUNKNOWN, resolve("", "", "DNS lookup failure: host mx.example.net not found"));
    }

    @Test
    void imailUnknownLocalUser() {
        assertEquals(Reason.USERUNKNOWN, resolve("", "", "Invalid final delivery userid: someone@example.net"));
    }

    @Test
    void gmailDsnProseNamesMissingAddressAndMissingDomain() {
        assertEquals(Reason.USERUNKNOWN, resolve("5.0.0", "", "** Address not found ** Your message wasn't delivered to"
                + " a@example.net because the address couldn't be found. Check for typos or unnecessary spaces and try again."));
        assertEquals(Reason.HOSTUNKNOWN, resolve("5.0.0", "", "** Address not found ** Your message wasn't delivered to"
                + " a@example.net because the domain example.net couldn't be found. Check for typos and try again."));
    }

    @Test
    void bareRecipientAddressRejectedAtRcptIsAnUnknownRecipient() {
        // Postfix's generic "Recipient address rejected." with nothing after it, in reply to RCPT.
        assertEquals(Reason.USERUNKNOWN, resolve("5.0.0", "RCPT", "550 <a@example.net>: Recipient address rejected."));
        // The same words with a policy explanation are not about the address' existence.
        assertEquals(Reason.BLOCKED, resolve("4.7.1", "RCPT",
                "450 4.7.1 <a@example.net>: Recipient address rejected: Greylisted, see http://example.net/"));
    }

    @Test
    void phraseEndingInAWordAlsoMatchesAtTheEndOfTheText() {
        // SYSTEMERROR's "transaction failed " needs a word end; the end of the reply is one.
        assertEquals(Reason.SYSTEMERROR, resolve("5.0.0", "MAIL", "554 Transaction failed"));
        // ...but not inside a longer word.
        assertEquals(true, TextPattern.of("transaction failed ").matches("554 transaction failed"));
        assertEquals(false, TextPattern.of("transaction failed ").matches("554 transaction failedx"));
    }

    @Test
    void sendmailReplyWithoutACommandBeforeItIsARefusedGreeting() throws IOException {
        BounceRecipient r = classify(sendmailDsn("""
                ... while talking to mx.example.net.:
                <<< 554 IP=192.0.2.9 - Service refused. (BL)
                554 5.0.0 Service unavailable
                """, "5.5.0", "554 IP=192.0.2.9 - Service refused. (BL)"));
        assertEquals("blocked", r.reason());
        assertEquals(BounceKind.SOFT, r.kind());
    }

    @Test
    void theRemoteServersOwnCodeBeatsTheReportingMtasRestatement() throws IOException {
        // The server said 5.0.0 after DATA; Sendmail's summary line restates it as 5.1.1. After DATA
        // "user unknown" is the recipient's filter (Sisimai: filtered), never proof the address is missing.
        BounceRecipient r = classify(sendmailDsn("""
                ... while talking to mx.example.net.:
                >>> DATA
                <<< 550 5.0.0 <a@example.net>... User unknown
                550 5.1.1 <a@example.net>... User unknown
                """, "5.0.0", "550 5.0.0 <a@example.net>... User unknown"));
        assertEquals("5.0.0", r.status());
        assertEquals("filtered", r.reason());
        assertEquals(BounceKind.SOFT, r.kind());
    }

    @Test
    void rawUtf8JapaneseSubjectMarksACarrierNotice() throws IOException {
        BounceRecipient r = classify("""
                From: no-reply@example.ne.jp
                To: sender@example.com
                Subject: メールエラー通知
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Your mail sent on: Thu, 29 Apr 2021 23:45:22 +0900
                     Could not be delivered to: <user@example.ne.jp>
                     As their mailbox is full.
                """);
        assertEquals("user@example.ne.jp", r.recipient());
        assertEquals("mailboxfull", r.reason());
    }

    @Test
    void policyAndPreferenceRefusalsAreNeverHard() {
        // Postfix's default text for an access-map REJECT, with a policy code: soft, by the code.
        Reason accessDenied = resolve("5.7.1", "RCPT", "554 5.7.1 <a@example.net>: Recipient address rejected: Access denied");
        assertEquals(Reason.SECURITYERROR, accessDenied);
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(accessDenied, "5.7.1", "554"));
        for (String refusal : new String[] {"550 Recipient refuses to accept your mail",
                "553 sorry, your envelope recipient has been denied (#5.7.1)",
                "550 <a@example.net>... blocked by the recipient's settings"}) {
            Reason r = resolve("5.0.0", "RCPT", refusal);
            assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(r, "5.0.0", "550"), refusal + " -> " + r);
        }
        // An explicit "invalid recipient" stays hard even under a 5.7.x code.
        assertEquals(Reason.USERUNKNOWN, resolve("5.7.1", "RCPT", "553 Invalid recipient a@example.net (Mode: normal)"));
    }

    @Test
    void quotedLocalPartKeepsItsQuotes() {
        // RFC 5322 3.4.1: "a..b" is not a dot-atom, so the quotes are part of the address.
        assertEquals("\"a..b.\"@example.net", Addresses.fromDsnValue("rfc822; \"A..b.\"@example.net"));
        assertEquals("\"a..b.\"@example.net", Addresses.fromDsnValue("rfc822; <\"a..b.\"@example.net>"));
        assertEquals("a.b@example.net", Addresses.fromDsnValue("rfc822; a.b@example.net"));
    }

    @Test
    void localisedExchangeSubjectsMarkANotice() throws IOException {
        for (String subject : new String[] {"Onbestelbaar: offerte", "Não entregue: proposta", "Non recapitabile: offerta"}) {
            BounceRecipient r = classify("""
                    From: Helpdesk <helpdesk@example.nl>
                    To: sender@example.com
                    Subject: %s
                    MIME-Version: 1.0
                    Content-Type: text/plain; charset=UTF-8

                    a@example.net
                    550 5.1.1 User unknown
                    """.formatted(subject));
            assertEquals("a@example.net", r.recipient(), subject);
            assertEquals("userunknown", r.reason(), subject);
        }
    }

    private static String sendmailDsn(String transcript, String status, String diagnostic) {
        return """
                From: Mail Delivery Subsystem <MAILER-DAEMON@mta.example.com>
                To: sender@example.com
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                   ----- The following addresses had permanent fatal errors -----
                <a@example.net>

                   ----- Transcript of session follows -----
                """ + transcript + """

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mta.example.com

                Final-Recipient: RFC822; a@example.net
                Action: failed
                Status: %s
                Remote-MTA: DNS; mx.example.net
                Diagnostic-Code: SMTP; %s

                --B--
                """.formatted(status, diagnostic);
    }
}
