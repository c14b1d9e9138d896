package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends through Mailgun's HTTP API, one request per delivery (each has its own Message-ID and
 * delivery id variable), on the shared HTTP client. A block's requests overlap, up to
 * {@code concurrency} at a time: an HTTP API answers each request after a round trip of its own, so
 * one at a time would leave a block of 50 waiting 50 round trips.
 * <p>
 * An answer about the account rather than the message (bad key, unknown domain, rate limit, or no
 * connection at all) stops the block: its other deliveries are not sent and get the same temporary
 * outcome, rather than being refused fifty times over.
 */
public class MailgunTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(MailgunTransport.class.getName());

    private final HttpClient http;
    private final OutgoingMail.Mailgun route;
    private final Clock clock;
    private final Duration timeout;
    private final int concurrency;
    private final AtomicReference<SendResult> stoppedBy = new AtomicReference<>();

    public MailgunTransport(HttpClient http, OutgoingMail.Mailgun route, Clock clock, Duration timeout, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.http = http;
        this.route = route;
        this.clock = clock;
        this.timeout = timeout;
        this.concurrency = concurrency;
    }

    @Override
    public int parallelism() {
        return concurrency;
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        return sendAll(List.of(mail)).get(0);
    }

    @Override
    public List<SendResult> sendAll(List<OutgoingMail> mails) {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<SendResult>> results = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(MailgunReplies.fault(mail.deliveryId(), e, clock.instant()));
            }
            SendResult stopped = notSent(mail);
            if (stopped != null) {
                slots.release();
                results.add(CompletableFuture.completedFuture(stopped));
                continue;
            }
            CompletableFuture<SendResult> result;
            try {
                result = http.sendAsync(MailgunRequest.of(mail).toHttp(route, timeout), HttpResponse.BodyHandlers.ofString())
                        .handle((response, fault) -> answer(mail, response, fault));
            } catch (RuntimeException e) {
                result = CompletableFuture.completedFuture(MailgunReplies.fault(mail.deliveryId(), e, clock.instant()));
            }
            results.add(result.whenComplete((r, e) -> slots.release()));
        }
        return results.stream().map(CompletableFuture::join).toList();
    }

    private SendResult answer(OutgoingMail mail, HttpResponse<String> response, Throwable fault) {
        try {
            return interpret(mail, response, fault);
        } catch (RuntimeException e) {
            // A block's results are recorded together: one odd answer must not cost the others theirs.
            LOG.log(Level.WARNING, "cannot read Mailgun's answer for delivery " + mail.deliveryId(), e);
            return MailgunReplies.fault(mail.deliveryId(), e, clock.instant());
        }
    }

    private SendResult interpret(OutgoingMail mail, HttpResponse<String> response, Throwable fault) {
        if (fault != null) {
            Throwable cause = fault instanceof CompletionException && fault.getCause() != null ? fault.getCause() : fault;
            LOG.log(Level.FINE, "Mailgun request for delivery " + mail.deliveryId() + " failed", cause);
            SendResult result = MailgunReplies.fault(mail.deliveryId(), cause, clock.instant());
            if (cause instanceof ConnectException) {
                stop(result);
            }
            return result;
        }
        int status = response.statusCode();
        SendResult result = MailgunReplies.of(mail.deliveryId(), status,
                response.headers().firstValue("Retry-After").orElse(null), response.body(), clock.instant());
        if (MailgunReplies.concernsTheAccount(status) && stop(result) && MailgunReplies.needsAnAdmin(status)) {
            // Never the key: only the domain and the URL.
            LOG.severe("Mailgun refuses to send for domain " + route.domain() + " at " + route.baseUrl() + ": " + result.reply()
                    + ". Fix the account's Mailgun API key, domain or region; its mail waits and is retried meanwhile.");
        }
        return result;
    }

    /** @return true if this result is the first to stop the block */
    private boolean stop(SendResult result) {
        return stoppedBy.compareAndSet(null, result);
    }

    private SendResult notSent(OutgoingMail mail) {
        SendResult stop = stoppedBy.get();
        if (stop == null) {
            return null;
        }
        return new SendResult(mail.deliveryId(), SendOutcome.TEMPORARY_FAILURE, null, null, "not sent: " + stop.reply(),
                MailgunReplies.PROVIDER, null, clock.instant(), stop.retryNotBefore());
    }

    @Override
    public void close() {
        // The HTTP client is shared and outlives the block.
    }
}
