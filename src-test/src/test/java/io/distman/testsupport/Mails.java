package io.distman.testsupport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;

/** Finding a test's mail among what the test SMTP server received. */
public final class Mails {

    private Mails() {
    }

    /** True for a mail whose To or Cc header names the address (each test uses fresh addresses). */
    public static boolean isFor(MimeMessage m, String address) {
        try {
            Address[] all = m.getAllRecipients();
            return all != null && Arrays.stream(all).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many received mails carry this Message-ID: each delivery's must arrive exactly once. */
    public static long copies(String messageId) {
        return TestMailServer.received().stream().filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
