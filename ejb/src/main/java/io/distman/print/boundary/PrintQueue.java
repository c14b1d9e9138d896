package io.distman.print.boundary;

import io.distman.account.boundary.Callers;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryPostalAddress;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.platform.entity.NotFoundException;
import io.distman.print.control.LetterLoader;
import io.distman.print.control.MergedPdf;
import io.distman.print.entity.PrintLetter;
import io.distman.print.entity.PrintRefusedException;
import io.distman.print.entity.PrintRow;
import io.distman.queue.entity.QueueOutcome;
import io.distman.queue.entity.QueueOutcome.Refusal;
import io.distman.submission.boundary.DeliveryActions;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The print queue of one account: queue letters, list them, print a selection as one PDF, mark them printed,
 * remove unprinted ones. Every method takes the account first and checks the caller may act for it (a user of
 * the account, support acting for it, or its API key); every row read is bound to that account, so another
 * account's delivery id is "not found", never listed, printed or marked.
 */
@Stateless
@PermitAll // the per-account check in each method is the authorization, as for the submission API
public class PrintQueue {

    /** The most letters one request may queue, print or mark: about a ream of paper, and a bounded request. */
    public static final int MAX_SELECTION = 500;
    /** The most rows a list returns; the screen says when there are more. */
    public static final int MAX_ROWS = 1000;
    /** Only these can become letters: the email never left (no address) or failed for good. */
    static final Set<DeliveryStatus> PRINTABLE = EnumSet.of(DeliveryStatus.EMAIL_MISSING, DeliveryStatus.FAILED);
    static final String SOURCE = "PRINT";
    private static final int CHUNK = 50;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DeliveryActions deliveries;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    LetterLoader loader;

    @Inject
    Clock clock;

    /** Puts each letter in the queue if its status allows and it has a postal address; refuses the others with why. */
    public QueueOutcome queue(long accountId, Collection<Long> deliveryIds) {
        String actor = callers.forAccount(accountId).actor();
        List<Long> ids = bounded(deliveryIds);
        Map<Long, PrintLetter> queued = queuedIn(accountId, ids);
        Set<Long> withAddress = em.createNamedQuery(DeliveryPostalAddress.OF_DELIVERIES, DeliveryPostalAddress.class)
                .setParameter("ids", ids).setParameter("accountId", accountId).getResultStream()
                .map(DeliveryPostalAddress::getDeliveryId).collect(Collectors.toSet());
        Instant now = clock.instant();
        return each(ids, id -> {
            Delivery delivery = em.createNamedQuery(Delivery.BY_ID_IN_ACCOUNT, Delivery.class).setParameter("id", id)
                    .setParameter("accountId", accountId).getResultStream().findFirst().orElse(null);
            if (delivery == null) {
                return "not found";
            }
            PrintLetter letter = queued.get(id);
            if (letter != null) {
                return letter.getPrintedAt() == null ? "already in the print queue" : "already printed";
            }
            if (!PRINTABLE.contains(delivery.getStatus())) {
                return "not printable (" + delivery.getStatus().label() + ")";
            }
            if (!withAddress.contains(id)) {
                return "no postal address";
            }
            em.persist(new PrintLetter(id, accountId, now, actor));
            return null;
        });
    }

    /** Takes unprinted letters out of the queue (they stay as they were: EMAIL_MISSING or FAILED). */
    public QueueOutcome remove(long accountId, Collection<Long> deliveryIds) {
        callers.forAccount(accountId);
        List<Long> ids = bounded(deliveryIds);
        Map<Long, PrintLetter> queued = queuedIn(accountId, ids);
        return each(ids, id -> {
            PrintLetter letter = queued.get(id);
            if (letter == null) {
                return "not in the print queue";
            }
            if (letter.getPrintedAt() != null) {
                return "already printed";
            }
            em.remove(letter);
            return null;
        });
    }

    /** The letters still to print ({@code printed} false) or printed, at most {@link #MAX_ROWS}. */
    public List<PrintRow> rows(long accountId, boolean printed) {
        callers.forAccount(accountId);
        return em.createNamedQuery(printed ? PrintLetter.PRINTED : PrintLetter.TO_PRINT, PrintRow.class)
                .setParameter("accountId", accountId).setMaxResults(MAX_ROWS).getResultList();
    }

    public long count(long accountId, boolean printed) {
        callers.forAccount(accountId);
        return em.createNamedQuery(printed ? PrintLetter.COUNT_PRINTED : PrintLetter.COUNT_TO_PRINT, Long.class)
                .setParameter("accountId", accountId).getSingleResult();
    }

    /**
     * Refuses a selection that cannot be printed as a whole (none, more than {@link #MAX_SELECTION}, or ids not in
     * the account's print queue) before a byte is written, so a caller can answer with an error instead of a PDF.
     * @throws PrintRefusedException saying why
     */
    public void checkSelection(long accountId, Collection<Long> deliveryIds) {
        callers.forAccount(accountId);
        List<Long> ids = selection(deliveryIds);
        Map<Long, PrintLetter> queued = queuedIn(accountId, ids);
        List<Long> missing = ids.stream().filter(id -> !queued.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new PrintRefusedException("not in the print queue: " + missing.stream().limit(10).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : ""));
        }
    }

    /**
     * Writes the selected letters as one PDF to {@code out}, in the order given, a chunk at a time (the stream is
     * the response's: memory stays that of a chunk). Printing is not marking: the agent marks once the paper is
     * out of the printer, so a jammed run is simply printed again.
     * @return the number of letters written
     */
    public int writePdf(long accountId, Collection<Long> deliveryIds, ZoneId zone, OutputStream out) {
        checkSelection(accountId, deliveryIds);
        List<Long> ids = selection(deliveryIds);
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(clock.instant().atZone(zone));
        try (MergedPdf pdf = new MergedPdf(out)) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                loader.letters(accountId, ids.subList(from, Math.min(ids.size(), from + CHUNK)), date).forEach(pdf::add);
                em.clear(); // the chunk's attachment bytes are not needed again
            }
            return pdf.letters();
        }
    }

    /**
     * Records that the letters were printed, by the caller, now: PRINTED in each delivery's timeline (through the
     * one status method, with the delivery row locked) and on the queue row. A letter printed before is printed
     * again: a new event says so and counts it, the status stays PRINTED.
     */
    public QueueOutcome markPrinted(long accountId, Collection<Long> deliveryIds) {
        String actor = callers.forAccount(accountId).actor();
        List<Long> ids = bounded(deliveryIds);
        Map<Long, PrintLetter> queued = queuedIn(accountId, ids);
        Instant now = clock.instant();
        return each(ids, id -> {
            PrintLetter letter = queued.get(id);
            if (letter == null) {
                return "not in the print queue";
            }
            Delivery delivery;
            try {
                delivery = deliveries.locked(accountId, id);
            } catch (NotFoundException e) {
                return "not found";
            }
            int count = letter.printed(now, actor);
            String detail = (count == 1 ? "printed as a letter by " : "printed again (print " + count + ") by ") + actor;
            statuses.record(delivery, new StatusChange(DeliveryStatus.PRINTED, now, SOURCE, null, null, detail, null,
                    "printed:" + id + ":" + count, null, false));
            return null;
        });
    }

    private Map<Long, PrintLetter> queuedIn(long accountId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(PrintLetter.IN_ACCOUNT, PrintLetter.class).setParameter("ids", ids)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(PrintLetter::getDeliveryId, Function.identity()));
    }

    private static List<Long> bounded(Collection<Long> deliveryIds) {
        List<Long> ids = deliveryIds == null ? List.of() : deliveryIds.stream().filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (ids.size() > MAX_SELECTION) {
            throw new PrintRefusedException("at most " + MAX_SELECTION + " letters at a time (" + ids.size() + " selected)");
        }
        return ids;
    }

    private static List<Long> selection(Collection<Long> deliveryIds) {
        List<Long> ids = bounded(deliveryIds);
        if (ids.isEmpty()) {
            throw new PrintRefusedException("no letters selected");
        }
        return ids;
    }

    private static QueueOutcome each(List<Long> ids, Function<Long, String> action) {
        List<Long> done = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Long id : ids) {
            String reason = action.apply(id);
            if (reason == null) {
                done.add(id);
            } else {
                refused.add(new Refusal(id, reason));
            }
        }
        return new QueueOutcome(done, refused);
    }
}
