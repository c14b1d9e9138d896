package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens the transport for a route: SMTP on the relay's cached mail session, or Mailgun on the one
 * HTTP client of the application (made on first use, so an installation that only uses SMTP never
 * starts one). One client, because it pools connections (and HTTP/2 streams) across blocks and
 * threads; its work runs on the server's managed executor rather than threads of its own.
 */
@ApplicationScoped
public class MailTransports {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_CONCURRENCY = 8;

    @Inject
    MailSessions sessions;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private HttpClient http;

    public MailTransport open(OutgoingMail.Route route) {
        if (route instanceof OutgoingMail.Mailgun mailgun) {
            return new MailgunTransport(http(), mailgun, clock,
                    Settings.duration("distman.mailgun.timeout", DEFAULT_TIMEOUT),
                    (int) Settings.longValue("distman.mailgun.concurrency", DEFAULT_CONCURRENCY));
        }
        if (route instanceof OutgoingMail.Unusable unusable) {
            return new UnusableTransport(unusable, clock);
        }
        return new SmtpTransport(sessions.forRelay((OutgoingMail.Relay) route), clock);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(Settings.duration("distman.mailgun.connectTimeout", Duration.ofSeconds(10)))
                    .followRedirects(HttpClient.Redirect.NEVER) // a redirected POST would lose its body or its credentials
                    .executor(executor)
                    .build();
        }
        return http;
    }
}
