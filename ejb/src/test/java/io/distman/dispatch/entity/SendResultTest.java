package io.distman.dispatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SendResultTest {

    @Test
    void readsCodesFromServerReplies() {
        assertEquals("5.1.1", SendResult.enhancedCodeIn("550 5.1.1 <x@example.org>: Recipient address rejected: User unknown"));
        assertEquals(550, SendResult.replyCodeIn("550 5.1.1 <x@example.org>: Recipient address rejected"));
        assertEquals(450, SendResult.replyCodeIn("450-4.2.0 mailbox busy"));
        assertEquals("4.7.1", SendResult.enhancedCodeIn("451 4.7.1 Greylisted, try again"));
        assertNull(SendResult.enhancedCodeIn("250 Ok"));
        assertNull(SendResult.replyCodeIn("Connection refused"));
        assertNull(SendResult.enhancedCodeIn("version 1.2.3 of something"), "only 2, 4 or 5 class codes");
    }

    @Test
    void classifiesByReplyClass() {
        assertEquals(SendOutcome.ACCEPTED, SendResult.outcomeOf(250));
        assertEquals(SendOutcome.TEMPORARY_FAILURE, SendResult.outcomeOf(421));
        assertEquals(SendOutcome.TEMPORARY_FAILURE, SendResult.outcomeOf(451));
        assertEquals(SendOutcome.FAILED, SendResult.outcomeOf(550));
        assertEquals(SendOutcome.FAILED, SendResult.outcomeOf(554));
        assertEquals(SendOutcome.TEMPORARY_FAILURE, SendResult.outcomeOf(null), "a connection fault is worth a retry");
    }
}
