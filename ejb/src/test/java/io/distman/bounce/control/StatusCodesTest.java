package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.Reason;
import org.junit.jupiter.api.Test;

class StatusCodesTest {

    @Test
    void findsEnhancedCodeButNotIpFragmentsOrVersions() {
        assertEquals("5.1.1", StatusCodes.find("550 5.1.1 <a@b.example>: Recipient address rejected"));
        assertEquals("", StatusCodes.find("connect to 192.0.2.135:25 failed"));
        assertEquals("5.7.606", StatusCodes.find("550 5.7.606 Access denied, banned sending IP"));
    }

    @Test
    void innermostSpecificCodeWinsOverWrapper() {
        assertEquals("5.2.2", StatusCodes.find("5.1.0 - Unknown address error 550-'5.2.2 <a@b.example>... Mailbox Full'"));
    }

    @Test
    void successCodesInTranscriptsAreIgnoredButStatusFieldKeepsThem() {
        assertEquals("5.1.1", StatusCodes.find("250 2.1.0 Ok 550 5.1.1 unknown"));
        assertEquals("2.1.5", StatusCodes.fromStatusField("2.1.5 (delivered)"));
    }

    @Test
    void replyCodeIsExtracted() {
        assertEquals("550", StatusCodes.findReply("host mx.example.jp said: 550 Requested action not taken"));
        assertEquals("", StatusCodes.findReply("nothing here"));
    }

    @Test
    void specificCodeInTextBeatsGenericStatusField() {
        assertEquals("5.1.1", StatusCodes.prefer("5.0.0", "5.1.1", "550"));
        assertEquals("5.7.1", StatusCodes.prefer("5.1.0", "5.7.1", "550"));
        assertEquals("5.2.2", StatusCodes.prefer("5.2.2", "", ""));
        // The reply code arbitrates when field and text disagree on the class.
        assertEquals("4.2.2", StatusCodes.prefer("5.0.0", "4.2.2", "452"));
    }

    @Test
    void statusCodeNamesTheReason() {
        assertEquals(Reason.USERUNKNOWN, StatusReasons.of("5.1.1").orElseThrow());
        assertEquals(Reason.HOSTUNKNOWN, StatusReasons.of("5.1.2").orElseThrow());
        assertEquals(Reason.MAILBOXFULL, StatusReasons.of("4.2.2").orElseThrow());
        assertEquals(Reason.MESGTOOBIG, StatusReasons.of("5.3.4").orElseThrow());
        assertEquals(Reason.AUTHFAILURE, StatusReasons.of("5.7.26").orElseThrow());
        assertTrue(StatusReasons.of("5.0.0").isEmpty(), "a class-only code names no reason");
    }

    @Test
    void hardOnlyWhenTheAddressItselfIsBad() {
        assertEquals(BounceKind.HARD, BounceKindPolicy.kindOf(Reason.USERUNKNOWN, "4.1.1", ""));
        assertEquals(BounceKind.HARD, BounceKindPolicy.kindOf(Reason.HOSTUNKNOWN, "5.1.2", "550"));
        assertEquals(BounceKind.HARD, BounceKindPolicy.kindOf(Reason.NOTACCEPT, "5.3.2", ""));
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(Reason.NOTACCEPT, "4.0.0", "421"));
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(Reason.MAILBOXFULL, "5.2.2", "552"));
        assertEquals(BounceKind.SOFT, BounceKindPolicy.kindOf(Reason.BLOCKED, "5.7.1", "554"));
        assertEquals(BounceKind.COMPLAINT, BounceKindPolicy.kindOf(Reason.FEEDBACK, "", ""));
        assertEquals(BounceKind.AUTOREPLY, BounceKindPolicy.kindOf(Reason.VACATION, "", ""));
        assertEquals(BounceKind.DELIVERED, BounceKindPolicy.kindOf(Reason.DELIVERED, "2.1.5", ""));
    }
}
