package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.bounce.entity.Reason;
import org.junit.jupiter.api.Test;

class ReasonResolverTest {

    private final ReasonResolver resolver = new ReasonResolver();

    private Reason resolve(String status, String action, String diagnostic) {
        DeliveryFacts f = new DeliveryFacts("rcpt@example.jp");
        f.status = status;
        f.action = action;
        f.diagnostic = diagnostic;
        DiagnosticDetails.complete(f);
        return resolver.resolve(f);
    }

    @Test
    void statusCodeDecidesFirst() {
        assertEquals(Reason.USERUNKNOWN, resolve("5.1.1", "failed", "550 5.1.1 Recipient address rejected"));
        assertEquals(Reason.MAILBOXFULL, resolve("5.2.2", "failed", "552 quota"));
        assertEquals(Reason.HOSTUNKNOWN, resolve("5.1.2", "failed", ""));
    }

    @Test
    void textDecidesWhenTheCodeIsVague() {
        assertEquals(Reason.USERUNKNOWN, resolve("5.0.0", "failed", "550 <rcpt@example.jp>: User unknown (in reply to RCPT TO command)"));
        assertEquals(Reason.MAILBOXFULL, resolve("5.0.0", "failed", "552 Requested mail action aborted: mailbox full"));
        assertEquals(Reason.BLOCKED, resolve("5.0.0", "failed", "554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"));
        assertEquals(Reason.NORELAYING, resolve("5.0.0", "failed", "554 5.7.1 <rcpt@example.jp>: Relay access denied"));
        assertEquals(Reason.REQUIREPTR, resolve("", "failed", "550 Reverse DNS required for this server"));
        assertEquals(Reason.AUTHFAILURE, resolve("5.7.1", "failed", "550 5.7.1 Unauthenticated email is not accepted due to domain's DMARC policy"));
    }

    @Test
    void textCanOverrideAMisleadingUserUnknownCode() {
        assertEquals(Reason.MAILBOXFULL, resolve("5.1.1", "failed", "550 5.1.1 mailbox full"));
    }

    @Test
    void delayedWithoutDetailIsExpired() {
        assertEquals(Reason.EXPIRED, resolve("4.0.0", "delayed", ""));
    }

    @Test
    void successStatusIsDelivered() {
        assertEquals(Reason.DELIVERED, resolve("2.1.5", "delivered", "250 2.1.5 Ok"));
    }

    @Test
    void nothingToGoOnIsUndefinedOrOnHold() {
        assertEquals(Reason.UNDEFINED, resolve("5.0.0", "failed", ""));
        assertEquals(Reason.ONHOLD, resolve("5.0.0", "failed", "550 Rejected"));
    }
}
