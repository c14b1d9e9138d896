package io.distman.feedback.control;

import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.WebhookBusyException;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for webhooks: authenticated requests wait in a bounded queue, and a few writer threads
 * store whatever has gathered in one transaction each ({@link WebhookBatches}), then answer every
 * request of the batch. Providers send one event per request, many at once; a transaction (and a
 * disk flush) per request is what limited the rate. Nothing is answered before its commit, so a
 * crash loses only requests the provider has not had a 200 for, and it sends them again.
 *
 * <p>Settings: {@code distman.webhook.writers} (2), {@code .batchSize} (200 requests), {@code .queue}
 * (10,000 requests waiting; beyond it 503).
 */
@ApplicationScoped
public class WebhookBatcher {

    private static final Logger LOG = Logger.getLogger(WebhookBatcher.class.getName());

    @Resource
    ManagedThreadFactory threads;

    /**
     * Answers the requests of a stored batch, so that the writer is free for the next batch at once: completing a
     * request's stage writes its HTTP response (JAX-RS resumes on the completing thread), which for a batch of
     * one-event requests took about as long as storing it. Threads of the managed thread factory, made once: the
     * server's managed executor captured the caller's context for every task, and GlassFish looks its context
     * providers up with a ServiceLoader scan of the class path each time (a tenth of the writers' CPU in WebhookBench).
     */
    private ExecutorService answers;

    @EJB
    WebhookBatches batches;

    private BlockingQueue<PendingWebhook> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private int batchSize;

    /** @return completed once the request's events are committed; exceptionally for a replay or a failure */
    public CompletableFuture<IngestResult> submit(PendingWebhook request) {
        start();
        if (!running || !queue.offer(request)) {
            request.result().completeExceptionally(new WebhookBusyException(
                    running ? "too many webhook requests waiting" : "the server is shutting down"));
        }
        return request.result();
    }

    private synchronized void start() {
        if (queue != null) {
            return;
        }
        batchSize = (int) Math.max(1, Settings.longValue("distman.webhook.batchSize", 200));
        queue = new ArrayBlockingQueue<>((int) Math.max(1, Settings.longValue("distman.webhook.queue", 10_000)));
        running = true;
        long count = Math.max(1, Settings.longValue("distman.webhook.writers", 2));
        answers = Executors.newFixedThreadPool((int) count, threads);
        for (int i = 0; i < count; i++) {
            Thread writer = threads.newThread(this::write);
            writer.setName("distman-webhook-writer-" + i);
            writer.start();
            writers.add(writer);
        }
    }

    private void write() {
        List<PendingWebhook> batch = new ArrayList<>();
        while (running) {
            try {
                PendingWebhook first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                store(batch, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "webhook writer failed; its batch is answered with an error", e);
                batch.forEach(r -> r.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Stores a batch; if it fails, each request alone, so one bad request cannot fail the others. A
     * request that fails alone is tried once more: a concurrent transaction with the same token or
     * event id (a provider's retry racing the original) makes it fail once, and then it is known.
     */
    private void store(List<PendingWebhook> batch, boolean again) {
        WebhookBatches.Outcome outcome;
        try {
            outcome = batches.store(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.log(Level.FINE, "webhook batch of " + batch.size() + " failed; storing its requests one by one", e);
                batch.forEach(request -> store(List.of(request), false));
            } else if (!again) {
                store(batch, true);
            } else {
                LOG.log(Level.WARNING, "webhook request not stored; the provider will retry", e);
                batch.get(0).result().completeExceptionally(e);
            }
            return;
        }
        Runnable answer = () -> {
            outcome.stored().forEach((request, result) -> request.result().complete(result));
            outcome.replays().forEach(request -> request.result().completeExceptionally(
                    new WebhookRejectedException(request.provider() + " token was already used")));
        };
        try {
            answers.execute(answer);
        } catch (RejectedExecutionException e) {
            answer.run(); // no thread to spare (or shutting down): answer here rather than not at all
        }
    }

    @PreDestroy
    synchronized void stop() {
        running = false; // writers finish their batch and stop within a second
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            writer.interrupt();
        }
        if (queue != null) {
            List<PendingWebhook> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(r -> r.result().completeExceptionally(new WebhookBusyException("the server is shutting down")));
        }
        if (answers != null) {
            answers.shutdown(); // answers already handed over still go out
        }
    }
}
