package io.distman.demo;

import io.distman.serial.boundary.SerialRecipientMailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The demo host's activity log: an entry on the contact's file for each recipient of a serial mailing, as a real
 * host would write one from {@link SerialRecipientMailed} (a mailing created with "do not create activity entries"
 * fires none). Kept in memory, the latest {@value #KEPT}: the demo host has no case files of its own.
 */
@ApplicationScoped
public class DemoActivities {

    static final int KEPT = 5_000;

    /** One activity entry: on which contact's file, about which mailing and message, what happened. */
    public record Entry(Instant at, long accountId, long contactId, long mailingId, Long messageId, String text) {
    }

    private final Deque<Entry> entries = new ConcurrentLinkedDeque<>();

    void record(@Observes SerialRecipientMailed mailed) {
        entries.addFirst(new Entry(Instant.now(), mailed.accountId(), mailed.contactId(), mailed.mailingId(),
                mailed.messageId(), "Serial mail \"" + mailed.subject() + "\": " + mailed.outcome()));
        while (entries.size() > KEPT) {
            entries.pollLast();
        }
    }

    /** The entries about one mailing, latest first. */
    public List<Entry> ofMailing(long accountId, long mailingId) {
        return entries.stream().filter(e -> e.accountId() == accountId && e.mailingId() == mailingId).toList();
    }
}
