package io.distman.feedback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.control.MailboxSettings.Disposal;
import org.junit.jupiter.api.Test;

class MailboxSettingsTest {

    @Test
    void anImapUrlNamesServerUserFolderAndAnEncodedPassword() {
        MailboxSettings s = MailboxSettings.parse("imaps://bounces%40example.org:p%40ss%3Aword@mail.example.org:993/Bounces",
                null, "delete", 500);
        assertEquals("imaps", s.protocol());
        assertEquals("mail.example.org", s.host());
        assertEquals(993, s.port());
        assertEquals("bounces@example.org", s.user());
        assertEquals("p@ss:word", s.password());
        assertEquals("Bounces", s.folder());
        assertEquals(Disposal.DELETE, s.disposal());
        assertFalse(s.toString().contains("p@ss"), "no password in logs");
    }

    @Test
    void defaultsToInboxAndTheProtocolsPortAndASeparatePasswordWins() {
        MailboxSettings s = MailboxSettings.parse("pop3://bounces:old@127.0.0.1", "new", "delete", 10);
        assertTrue(s.isPop3());
        assertEquals("INBOX", s.folder());
        assertEquals(-1, s.port());
        assertEquals("new", s.password());
        assertEquals(10, s.maxPerRun());
    }

    @Test
    void imapMayMarkSeenOrMoveToAFolder() {
        assertEquals(Disposal.SEEN, MailboxSettings.parse("imap://u@h/INBOX", "p", "seen", 1).disposal());
        MailboxSettings move = MailboxSettings.parse("imap://u@h/INBOX", "p", "move:Done/Bounces", 1);
        assertEquals(Disposal.MOVE, move.disposal());
        assertEquals("Done/Bounces", move.moveTo());
        assertNull(MailboxSettings.parse("imap://u@h", "p", "DELETE", 1).moveTo());
    }

    @Test
    void wrongSettingsAreNamedAndTheirPasswordHidden() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MailboxSettings.parse("smtp://u:secret@h", null, "delete", 1));
        assertTrue(e.getMessage().contains("distman.bounce.mailbox.url"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("imap://h/INBOX", "p", "delete", 1));
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("pop3://u@h", "p", "seen", 1));
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("pop3://u@h/Bounces", "p", "delete", 1));
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("imap://u@h", "p", "move:", 1));
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("imap://u@h", "p", "archive", 1));
        assertThrows(IllegalStateException.class, () -> MailboxSettings.parse("imap://u@h", "p", "delete", 0));
    }
}
