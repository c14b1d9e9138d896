package io.distman.feedback.control;

import io.distman.platform.boundary.Settings;
import jakarta.mail.URLName;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the bounce mailbox is and what to do with a message once it is recorded, from the settings
 * {@code distman.bounce.mailbox.url} ({@code imap://user@host:port/INBOX}, {@code imaps://},
 * {@code pop3://}, {@code pop3s://}; no URL, no polling), {@code .password} (else the URL's, which must
 * then be URL-encoded), {@code .processed} and {@code .maxPerRun}.
 *
 * @param folder    the folder to read (POP3 has only INBOX)
 * @param disposal  what becomes of a message once its ingestion has committed
 * @param moveTo    the target folder of {@link Disposal#MOVE}
 * @param maxPerRun messages taken per run at most, so one run ends and the next takes the rest
 */
public record MailboxSettings(String protocol, String host, int port, String user, String password, String folder,
                              Disposal disposal, String moveTo, int maxPerRun) {

    public static final String URL = "distman.bounce.mailbox.url";

    private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");

    /** What a message becomes once its content is safely recorded. */
    public enum Disposal {
        /** Flag \Deleted, expunged when the run closes the folder (POP3: deleted at QUIT). */
        DELETE,
        /** Flag \Seen and leave it; later runs skip seen mail (IMAP only). */
        SEEN,
        /** Copy to another folder, then delete here (IMAP only). */
        MOVE
    }

    /** @return the installation's mailbox, or empty when polling is not configured */
    public static Optional<MailboxSettings> current() {
        String url = Settings.string(URL, null);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(parse(url, Settings.string(URL.replace(".url", ".password"), null),
                Settings.string("distman.bounce.mailbox.processed", "delete"),
                Settings.longValue("distman.bounce.mailbox.maxPerRun", 500)));
    }

    /** @throws IllegalStateException naming the setting that is wrong */
    public static MailboxSettings parse(String url, String password, String processed, long maxPerRun) {
        URLName name = new URLName(url);
        String protocol = name.getProtocol() == null ? "" : name.getProtocol().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol) || name.getHost() == null || name.getHost().isEmpty()) {
            throw new IllegalStateException("Setting " + URL + " must look like imap[s]://user@host[:port][/folder] or "
                    + "pop3[s]://user@host[:port], not '" + withoutPassword(url) + "'");
        }
        if (name.getUsername() == null || name.getUsername().isEmpty()) {
            throw new IllegalStateException("Setting " + URL + " names no user: imap://user@host/INBOX");
        }
        String folder = name.getFile() == null || name.getFile().isEmpty() ? "INBOX" : name.getFile();
        boolean pop3 = protocol.startsWith("pop3");
        if (pop3 && !folder.equalsIgnoreCase("INBOX")) {
            throw new IllegalStateException("Setting " + URL + ": POP3 has only the folder INBOX, not '" + folder + "'");
        }
        String how = processed.strip();
        Disposal disposal;
        String moveTo = null;
        if (how.equalsIgnoreCase("delete")) {
            disposal = Disposal.DELETE;
        } else if (how.equalsIgnoreCase("seen")) {
            disposal = Disposal.SEEN;
        } else if (how.regionMatches(true, 0, "move:", 0, 5) && how.length() > 5) {
            disposal = Disposal.MOVE;
            moveTo = how.substring(5).strip();
        } else {
            throw new IllegalStateException("Setting distman.bounce.mailbox.processed must be delete, seen or "
                    + "move:<folder>, not '" + processed + "'");
        }
        if (pop3 && disposal != Disposal.DELETE) {
            throw new IllegalStateException("Setting distman.bounce.mailbox.processed: POP3 can only delete, not '"
                    + processed + "'");
        }
        if (maxPerRun < 1 || maxPerRun > 100_000) {
            throw new IllegalStateException("Setting distman.bounce.mailbox.maxPerRun must be 1..100000, not " + maxPerRun);
        }
        return new MailboxSettings(protocol, name.getHost(), name.getPort(), name.getUsername(),
                password != null ? password : name.getPassword(), folder, disposal, moveTo, (int) maxPerRun);
    }

    public boolean isPop3() {
        return protocol.startsWith("pop3");
    }

    /** For logs: never the password. */
    public String describe() {
        return protocol + "://" + user + "@" + host + (port > 0 ? ":" + port : "") + "/" + folder;
    }

    @Override
    public String toString() {
        return describe() + " (" + disposal + (moveTo == null ? "" : " to " + moveTo) + ")";
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(//[^/:@]*):[^/@]*@", "$1:***@");
    }
}
