package io.distman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Smoke test of the whole stack: the real EAR deploys, Flyway migrated {@code jdbc/distman}, the mail
 * resource reaches the test SMTP server, and the health probe names the database this run chose.
 */
@ExtendWith(ArquillianExtension.class)
public class DeploymentIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(DeploymentIT.class);
    }

    @Test
    public void flywayMigratedTheSchema() throws Exception {
        DataSource dataSource = InitialContext.doLookup("jdbc/distman");
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT)); // Derby answers in upper case
            }
        }
        assertTrue(tables.contains("flyway_schema_history"), "tables: " + tables);
        assertTrue(tables.contains("delivery"), "tables: " + tables);
    }

    @Test
    public void jdbcDistmanIsTheDatabaseTheBuildChose() throws Exception {
        DataSource dataSource = InitialContext.doLookup("jdbc/distman");
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertEquals(TestEnvironment.onPostgres() ? "PostgreSQL" : "Apache Derby", product);
        }
    }

    @Test
    public void mailResourceSendsToTheTestMailServer() throws Exception {
        TestMailServer.purge();
        Session session = InitialContext.doLookup("mail/distman");
        Transport.send(message(session, "Smoke test"));

        List<MimeMessage> received = TestMailServer.awaitMessages(1, Duration.ofSeconds(10));
        assertEquals(1, received.size());
        assertEquals("Smoke test", received.get(0).getSubject());
        assertEquals("noreply@distman.local", ((InternetAddress) received.get(0).getFrom()[0]).getAddress());
    }

    @Test
    public void smtpSinkInjectsAHardReject() throws Exception {
        Session session = InitialContext.doLookup("mail/distman");
        try (SmtpSink sink = SmtpSink.replacingTestMailServer("-f", "RCPT")) {
            MessagingException e = assertThrows(MessagingException.class, () -> Transport.send(message(session, "Rejected")));
            assertTrue(causes(e).contains("500 5.3.0"), causes(e)); // smtp-sink's hard reject
        }
        assertTrue(TestMailServer.isRunning());
    }

    @Test
    @RunAsClient
    public void healthNamesTheDatabaseOfThisRun() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestEnvironment.url("api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"UP\""), response.body());
        String database = TestEnvironment.onPostgres() ? "PostgreSQL" : "Derby";
        assertTrue(response.body().contains(database), "expected " + database + ": " + response.body());
    }

    private static MimeMessage message(Session session, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(); // mail.from of the resource: noreply@distman.local
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("someone@example.org"));
        message.setSubject(subject);
        message.setText("Hello from " + DeploymentIT.class.getSimpleName());
        return message;
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c).append(" | ");
            if (c instanceof MessagingException m && m.getNextException() != null && m.getNextException() != c.getCause()) {
                all.append(m.getNextException()).append(" | ");
            }
        }
        return all.toString();
    }
}
