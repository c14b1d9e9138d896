package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import io.distman.dispatch.boundary.DeliveryClaims;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Opens the transport for a route: SMTP on the relay's cached mail session, or Mailgun on the one
 * HTTP client of the application (made on first use, so an installation that only uses SMTP never
 * starts one). One client, because it pools connections (and HTTP/2 streams) across blocks and
 * threads; its work runs on threads of the server's managed thread factory, pooled here: the managed executor
 * captured the caller's context for every task, and GlassFish looks its context providers up with a ServiceLoader
 * scan of the class path each time (measured on the webhook writers, {@code WebhookBatcher}).
 */
@ApplicationScoped
public class MailTransports {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_CONCURRENCY = 8;
    static final Duration DEFAULT_SEND_DEADLINE = Duration.ofMinutes(2);

    @Inject
    MailSessions sessions;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /**
     * Runs the SMTP sends' deadline watchdogs: a timer each, cancelled when the send ends in time, which is nearly
     * always. Our own executor, not the server's managed scheduled one, because that keeps a cancelled timer (with
     * the connection's sockets it would cut) queued until its delay is over: at the default 2 minutes a server
     * sending 800 mails a second held 96,000 of them and filled its heap. This one removes a timer when it is
     * cancelled.
     */
    private ScheduledThreadPoolExecutor watchdog;

    private HttpClient http;

    /** The HTTP client's threads, made as it needs them and ended after a minute idle. */
    private ExecutorService httpThreads;

    public MailTransport open(OutgoingMail.Route route) {
        if (route instanceof OutgoingMail.Mailgun mailgun) {
            return new MailgunTransport(http(), mailgun, clock,
                    Settings.duration("distman.mailgun.timeout", DEFAULT_TIMEOUT),
                    (int) Settings.longValue("distman.mailgun.concurrency", DEFAULT_CONCURRENCY));
        }
        if (route instanceof OutgoingMail.Unusable unusable) {
            return new UnusableTransport(unusable, clock);
        }
        return new SmtpTransport(sessions.forRelay((OutgoingMail.Relay) route), clock, watchdog(), sendDeadline());
    }

    private synchronized ScheduledExecutorService watchdog() {
        if (watchdog == null) {
            watchdog = new ScheduledThreadPoolExecutor(1, threads);
            watchdog.setRemoveOnCancelPolicy(true);
        }
        return watchdog;
    }

    @PreDestroy
    synchronized void stop() {
        if (watchdog != null) {
            watchdog.shutdownNow(); // a send still running ends by its per-read timeouts
        }
        if (httpThreads != null) {
            httpThreads.shutdownNow(); // a Mailgun exchange still running fails, and its delivery is retried
        }
    }

    /**
     * The longest one SMTP connect or send may take ({@code distman.dispatch.sendDeadline}, default 2 minutes),
     * and at most a quarter of the lease: the block's leases are renewed between sends, so a send that kept
     * within this never outlives its claim.
     */
    static Duration sendDeadline() {
        Duration configured = Settings.duration("distman.dispatch.sendDeadline", DEFAULT_SEND_DEADLINE);
        Duration quarterLease = DeliveryClaims.lease().dividedBy(4);
        return configured.compareTo(quarterLease) < 0 ? configured : quarterLease;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            httpThreads = Executors.newCachedThreadPool(threads);
            http = HttpClient.newBuilder()
                    .connectTimeout(Settings.duration("distman.mailgun.connectTimeout", Duration.ofSeconds(10)))
                    .followRedirects(HttpClient.Redirect.NEVER) // a redirected POST would lose its body or its credentials
                    .executor(httpThreads)
                    .build();
        }
        return http;
    }
}
