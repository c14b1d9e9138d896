package io.distman.testsupport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
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

    /** Waits for the mail to {@code address} with this subject and returns it. */
    public static MimeMessage received(String address, String subject) {
        Dispatching.await(() -> find(address, subject) != null, Duration.ofSeconds(10), "mail '" + subject + "' to " + address);
        return find(address, subject);
    }

    private static MimeMessage find(String address, String subject) {
        return TestMailServer.received().stream().filter(m -> isFor(m, address) && subject.equals(subject(m))).findFirst().orElse(null);
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the first part of this type (e.g. text/html), or null if the mail has none. */
    public static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
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

    /** The file names of the mail's attachments, in order. */
    public static java.util.List<String> filenames(Part part) {
        try {
            java.util.List<String> names = new java.util.ArrayList<>();
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    names.addAll(filenames(multipart.getBodyPart(i)));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                names.add(part.getFileName());
            }
            return names;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
