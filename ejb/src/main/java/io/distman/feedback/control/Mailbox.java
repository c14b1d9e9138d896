package io.distman.feedback.control;

import io.distman.feedback.control.MailboxSettings.Disposal;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;

/**
 * One visit to the bounce mailbox (IMAP or POP3 through Jakarta Mail): the messages still to take,
 * their raw bytes, and marking each one once its content is recorded. Nothing is marked before that,
 * so a crash loses nothing; a message fetched again is recognised by its content and stored once.
 * Not thread-safe; {@link #close()} expunges (IMAP) or quits (POP3), which is when deletions happen.
 */
public final class Mailbox implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final MailboxSettings settings;
    private final Store store;
    private final Folder folder;
    private final Message[] pending;
    private Folder target;
    private int next;

    private Mailbox(MailboxSettings settings, Store store, Folder folder, Message[] pending) {
        this.settings = settings;
        this.store = store;
        this.folder = folder;
        this.pending = pending;
    }

    public static Mailbox open(MailboxSettings settings) throws MessagingException {
        Store store = Session.getInstance(properties(settings.protocol())).getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            return new Mailbox(settings, store, folder, folder.search(untaken(settings)));
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Messages marked \Deleted were taken by a run that ended before it expunged: skip them. */
    private static SearchTerm untaken(MailboxSettings settings) {
        FlagTerm notDeleted = new FlagTerm(new Flags(Flags.Flag.DELETED), false);
        return settings.disposal() == Disposal.SEEN
                ? new AndTerm(notDeleted, new FlagTerm(new Flags(Flags.Flag.SEEN), false)) : notDeleted;
    }

    private static Properties properties(String protocol) {
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        // Reading must not set \Seen: only a recorded message may look taken.
        p.setProperty("mail." + protocol + ".peek", "true");
        return p;
    }

    /** A message still in the mailbox and its content as stored there (only its header when refused for its size). */
    public final class Item {
        private final Message message;
        private final byte[] raw;
        private final String refusal;

        private Item(Message message, byte[] raw, String refusal) {
            this.message = message;
            this.raw = raw;
            this.refusal = refusal;
        }

        public byte[] raw() {
            return raw;
        }

        /** Why the message was not read (it is over the inbound size cap), or null. */
        public String refusal() {
            return refusal;
        }

        /** Call only once its content is recorded (committed): marks it as configured. */
        public void taken() throws MessagingException {
            switch (settings.disposal()) {
                case SEEN -> message.setFlag(Flags.Flag.SEEN, true);
                case MOVE -> {
                    folder.copyMessages(new Message[] {message}, target());
                    message.setFlag(Flags.Flag.DELETED, true);
                }
                case DELETE -> message.setFlag(Flags.Flag.DELETED, true);
            }
        }
    }

    /** @return the next message to take, or null when this run has taken its share */
    public Item next() throws MessagingException {
        while (next < Math.min(pending.length, settings.maxPerRun())) {
            Message message = pending[next++];
            try {
                long cap = InboundLimits.maxMessageBytes();
                // The server's size first: a message over the cap is never downloaded, only its header kept.
                if (message.getSize() > cap) {
                    return new Item(message, header(message), InboundLimits.tooLarge(message.getSize()));
                }
                try {
                    return new Item(message, raw(message, cap), null);
                } catch (TooLarge e) {
                    return new Item(message, header(message), InboundLimits.tooLarge(e.size));
                }
            } catch (MessageRemovedException e) {
                // Expunged meanwhile (by another client): nothing left to take.
            }
        }
        return null;
    }

    /** How many messages this run found waiting (before the per-run limit). */
    public int waiting() {
        return pending.length;
    }

    private static byte[] raw(Message message, long cap) throws MessagingException, TooLarge {
        BoundedOutput out = new BoundedOutput(Math.max(message.getSize(), 1024), cap);
        try {
            message.writeTo(out);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof TooLarge tooLarge) {
                throw tooLarge;
            }
            throw e;
        } catch (IOException e) {
            throw new MessagingException("Cannot read message " + message.getMessageNumber() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The header section alone: what is kept of a message refused for its size. */
    private static byte[] header(Message message) throws MessagingException {
        StringBuilder sb = new StringBuilder();
        if (message instanceof MimeMessage mime) {
            for (Enumeration<String> lines = mime.getAllHeaderLines(); lines.hasMoreElements(); ) {
                sb.append(lines.nextElement()).append("\r\n");
            }
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Thrown when a message whose size the server misreported turns out larger than the cap while read. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long size;

        TooLarge(long size) {
            super("over the inbound size cap");
            this.size = size;
        }
    }

    /** Holds at most {@code cap} bytes. */
    private static final class BoundedOutput extends ByteArrayOutputStream {
        private final long cap;

        BoundedOutput(int initial, long cap) {
            super((int) Math.min(initial, cap));
            this.cap = cap;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (count + (long) more > cap) {
                throw new java.io.UncheckedIOException(new TooLarge(count + (long) more));
            }
        }
    }

    private Folder target() throws MessagingException {
        if (target == null) {
            Folder folder = store.getFolder(settings.moveTo());
            if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("Cannot create the folder " + settings.moveTo() + " in " + settings.describe());
            }
            target = folder;
        }
        return target;
    }

    /** Expunges what was marked deleted (POP3: deletes it at QUIT) and disconnects. */
    @Override
    public void close() throws MessagingException {
        try {
            if (folder.isOpen()) {
                folder.close(settings.disposal() != Disposal.SEEN);
            }
        } finally {
            store.close();
        }
    }
}
