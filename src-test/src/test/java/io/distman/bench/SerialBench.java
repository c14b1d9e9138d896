package io.distman.bench;

import io.distman.directory.control.DemoDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.serial.boundary.SerialMailings;
import io.distman.serial.boundary.Templates;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.MailingProgress;
import io.distman.serial.entity.MailingRequest;
import io.distman.serial.entity.MailingStatus;
import io.distman.serial.entity.TemplateInput;
import io.distman.serial.entity.TemplateView;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: a serial mailing to a 10,000-contact directory (the demo directory at {@code distman.demo.contacts=10000}),
 * from a template with merge fields, sent through the real chunked creation and dispatch job to Postfix's smtp-sink,
 * which keeps every mail. Prints how long the count of all 10,000 takes ({@code serial_count_ms}), the p95 of 50
 * previews of random contacts ({@code serial_preview_p95_ms}), how many mails arrived each with its own contact's
 * salutation and unit ({@code serial_10k_sent}, checked against the number the count said would get mail:
 * contacts without email or opted out get none), and the heap's peak while the mailing is made and sent
 * ({@code serial_10k_heap_peak_mb}).
 */
@ExtendWith(ArquillianExtension.class)
public class SerialBench {

    private static final int CONTACTS = 10_000;
    private static final int SINK_PORT = 2531;
    private static final int PREVIEWS = 50;
    private static final String SENDER = "letters@northside.example";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SerialBench.class, HeapWatch.class, BenchFigures.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    SerialMailings mailings;

    @EJB
    Templates templates;

    private <T> T module(Callable<T> work) throws Exception {
        return as.call(TestModule.PRINCIPAL, Set.of(), work);
    }

    @Test
    void tenThousandContactsEachGetTheirOwnMail() throws Exception {
        System.setProperty("distman.demo.contacts", String.valueOf(CONTACTS));
        Path dumps = Files.createTempDirectory("serial-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx")); // smtp-sink runs as nobody
        try {
            TestAccount account = fixtures.newAccount("serial-bench");
            fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
            TemplateView template = module(() -> templates.save(account.id(), null, new TemplateInput("Rent review",
                    "Rent review for {{ unit }}", "<p>{{ salutation }},</p><p>the rent of unit {{ unit }} in block {{ block }}"
                    + " is reviewed. Balance: {{ balance }}.</p>", "{{ salutation }},\nunit {{ unit }}: rent review.", false)));

            module(() -> mailings.count(account.id(), ContactFilter.ALL, null, false)); // warm-up
            long start = System.nanoTime();
            MailingCount count = module(() -> mailings.count(account.id(), ContactFilter.ALL, null, false));
            BenchFigures.report("serial_count_ms", (System.nanoTime() - start) / 1e6, "ms");
            if (count.selected() != CONTACTS) {
                throw new AssertionError("the count selected " + count.selected() + " of " + CONTACTS);
            }

            Random random = new Random(13);
            long[] previews = new long[PREVIEWS];
            for (int i = 0; i < PREVIEWS; i++) {
                long contact = 1 + random.nextInt(CONTACTS);
                long t = System.nanoTime();
                module(() -> mailings.preview(account.id(), template.id(), null, contact));
                previews[i] = System.nanoTime() - t;
            }
            Arrays.sort(previews);
            BenchFigures.report("serial_preview_p95_ms", previews[(int) Math.ceil(PREVIEWS * 0.95) - 1] / 1e6, "ms");

            double createSeconds;
            double sendSeconds;
            try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-d", dumps + "/m.");
                 HeapWatch heap = new HeapWatch()) {
                long created = System.nanoTime();
                MailingProgress mailing = module(() -> mailings.create(account.id(), new MailingRequest(template.id(), null,
                        SENDER, "Northside Lettings", ContactFilter.ALL, null, false, false, null, List.of())));
                Dispatching.await(() -> status(account.id(), mailing.id()) != MailingStatus.CREATING, Duration.ofMinutes(20),
                        "the mailing's messages to be made");
                createSeconds = (System.nanoTime() - created) / 1e9;
                long sent = System.nanoTime();
                Dispatching.sweep(Duration.ofMinutes(20));
                sendSeconds = (System.nanoTime() - sent) / 1e9;
                BenchFigures.report("serial_10k_heap_peak_mb", heap.peakMb(), "MB");
                BenchFigures.report("serial_10k_heap_live_peak_mb", heap.liveAfterGcMb(), "MB");
            }
            BenchFigures.report("serial_10k_heap_max_mb", HeapWatch.maxMb(), "MB");
            BenchFigures.report("serial_10k_create_s", createSeconds, "s");
            BenchFigures.report("serial_10k_send_s", sendSeconds, "s");
            BenchFigures.report("serial_10k_contacts", CONTACTS, "contacts");
            BenchFigures.report("serial_10k_expected", count.willReceive(), "mails");
            int arrived = arrivedWithOwnSalutation(dumps, account.id());
            BenchFigures.report("serial_10k_sent", arrived, "mails");
            if (arrived != count.willReceive()) {
                throw new AssertionError(arrived + " arrived with their own salutation; the count said " + count.willReceive());
            }
        } finally {
            System.clearProperty("distman.demo.contacts");
            try (Stream<Path> files = Files.list(dumps)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dumps);
        }
    }

    private MailingStatus status(long accountId, long mailingId) {
        try {
            return module(() -> mailings.progress(accountId, mailingId)).status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The mails smtp-sink kept, each to one contact: counted when its text part starts with that contact's own
     * salutation and names its unit, and each contact once (a second copy is a duplicate, not counted).
     */
    private static int arrivedWithOwnSalutation(Path dumps, long accountId) throws Exception {
        Map<String, Contact> byAddress = new HashMap<>();
        new DemoDirectory().page(accountId, ContactFilter.ALL, 0, CONTACTS).stream().filter(Contact::hasEmail)
                .forEach(c -> byAddress.put(c.email(), c));
        Session session = Session.getInstance(new Properties());
        Set<String> seen = new java.util.HashSet<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dumps)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
                MimeMessage mail = new MimeMessage(session, in);
                String to = ((InternetAddress) mail.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
                Contact contact = byAddress.get(to);
                String text = Mails.part(mail, "text/plain").replace("\r\n", "\n");
                if (contact != null && text.startsWith(contact.salutation() + ",\nunit " + contact.unit() + ":")
                        && !seen.add(to)) {
                    throw new AssertionError(to + " got the mailing twice");
                }
            }
        }
        return seen.size();
    }

    @AfterAll
    static void printFigures() throws java.io.IOException {
        BenchFigures.print();
    }
}
