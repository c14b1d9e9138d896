package io.distman.feedback.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mailbox against a real IMAP and POP3 server (GreenMail): what is taken, and when it goes. */
class MailboxTest {

    private GreenMail server;
    private GreenMailUser user;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup[] {ServerSetup.IMAP.dynamicPort(), ServerSetup.POP3.dynamicPort()});
        server.start();
        user = server.setUser("bounces@distman.test", "bounces", "s3cret");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static byte[] mail(int n) {
        return ("From: MAILER-DAEMON@mx.example.org\r\nTo: bounce+tok" + n + "@northside.example\r\n"
                + "Subject: Undelivered Mail " + n + "\r\nMessage-ID: <" + n + "@mx.example.org>\r\n\r\nbody " + n + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void deliver(byte[]... mails) throws Exception {
        for (byte[] m : mails) {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(m)));
        }
    }

    private MailboxSettings settings(String protocol, String processed, int max) {
        int port = protocol.equals("imap") ? server.getImap().getPort() : server.getPop3().getPort();
        return MailboxSettings.parse(protocol + "://bounces@127.0.0.1:" + port + "/INBOX", "s3cret", processed, max);
    }

    private static List<byte[]> takeAll(Mailbox mailbox) throws Exception {
        List<byte[]> raws = new ArrayList<>();
        for (Mailbox.Item item = mailbox.next(); item != null; item = mailbox.next()) {
            raws.add(item.raw());
            item.taken();
        }
        return raws;
    }

    private int count(String folder) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), "bounces", "s3cret");
        try {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    @Test
    void imapHandsOutEachMessageAsStoredAndDeletesTakenOnesWhenClosed() throws Exception {
        deliver(mail(1), mail(2));
        try (Mailbox mailbox = Mailbox.open(settings("imap", "delete", 500))) {
            List<byte[]> raws = takeAll(mailbox);
            assertEquals(2, raws.size());
            assertArrayEquals(mail(1), raws.get(0));
            assertArrayEquals(mail(2), raws.get(1));
        }
        assertEquals(0, count("INBOX"));
    }

    @Test
    void anUntakenMessageStaysAndOneTakenBeforeACrashIsNotHandedOutAgain() throws Exception {
        deliver(mail(1), mail(2));
        Mailbox crashed = Mailbox.open(settings("imap", "delete", 500));
        crashed.next().taken(); // recorded and marked, then the run dies before it expunges
        crashed.next();         // read, never recorded
        // no close(): the connection is simply dropped
        try (Mailbox next = Mailbox.open(settings("imap", "delete", 500))) {
            List<byte[]> raws = takeAll(next);
            assertEquals(1, raws.size());
            assertArrayEquals(mail(2), raws.get(0));
        }
        assertEquals(0, count("INBOX"));
    }

    @Test
    void seenMailStaysButIsNotTakenAgainAndReadingAloneMarksNothing() throws Exception {
        deliver(mail(1), mail(2));
        try (Mailbox mailbox = Mailbox.open(settings("imap", "seen", 500))) {
            mailbox.next().taken();
            mailbox.next(); // read but not recorded: must stay unseen
        }
        try (Mailbox mailbox = Mailbox.open(settings("imap", "seen", 500))) {
            assertArrayEquals(mail(2), mailbox.next().raw());
            assertNull(mailbox.next());
        }
        assertEquals(2, count("INBOX"));
    }

    @Test
    void takenMailCanBeMovedToAFolderCreatedOnDemand() throws Exception {
        deliver(mail(1), mail(2), mail(3));
        try (Mailbox mailbox = Mailbox.open(settings("imap", "move:Processed", 2))) {
            assertEquals(3, mailbox.waiting());
            assertEquals(2, takeAll(mailbox).size(), "at most maxPerRun per run");
        }
        assertEquals(1, count("INBOX"));
        assertEquals(2, count("Processed"));
    }

    @Test
    void pop3DeletesTakenMessagesAtQuitOnly() throws Exception {
        deliver(mail(1), mail(2));
        Mailbox crashed = Mailbox.open(settings("pop3", "delete", 500));
        crashed.next().taken(); // no QUIT: POP3 forgets the deletion
        try (Mailbox mailbox = Mailbox.open(settings("pop3", "delete", 500))) {
            List<byte[]> raws = takeAll(mailbox);
            assertEquals(2, raws.size(), "taken again; the content store recognises it");
            assertTrue(new String(raws.get(0), StandardCharsets.US_ASCII).contains("Undelivered Mail 1"));
        }
        assertEquals(0, count("INBOX"));
    }

    @Test
    void aMessageOverTheSizeCapIsHandedOutRefusedWithItsHeaderOnlyAndTheNextIsRead() throws Exception {
        byte[] big = ("From: MAILER-DAEMON@mx.example.org\r\nSubject: Huge\r\nMessage-ID: <big@mx.example.org>\r\n\r\n"
                + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        deliver(big, mail(2));
        System.setProperty(InboundLimits.MAX_MESSAGE_BYTES, "2048");
        try (Mailbox mailbox = Mailbox.open(settings("imap", "delete", 500))) {
            Mailbox.Item refused = mailbox.next();
            assertTrue(refused.refusal().contains("over the inbound mail size cap of 2048 bytes"), refused.refusal());
            String kept = new String(refused.raw(), StandardCharsets.US_ASCII);
            assertTrue(kept.contains("Message-ID: <big@mx.example.org>") && !kept.contains("xxxx"), kept);
            refused.taken();
            Mailbox.Item next = mailbox.next();
            assertNull(next.refusal());
            assertArrayEquals(mail(2), next.raw());
        } finally {
            System.clearProperty(InboundLimits.MAX_MESSAGE_BYTES);
        }
    }
}
