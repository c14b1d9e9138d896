package io.distman.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of GlassFish while a serial mailing is creating its messages (at about 20 % of its contacts), then a
 * restart: the mailing must finish creating by itself (the resume timer, after its stall time), every contact must
 * be settled exactly once (one row each, none missing), and every contact with a sendable address must get exactly
 * one mail: no contact written twice under two Message-IDs (a chunk half done before the kill re-made), none left
 * out. The mailing is held ({@code sendAt} an hour ahead) and released once created, so the kill hits creation
 * alone and the dispatch that follows is counted as in the other scenarios.
 */
class SerialKill9Fault {

    static final String SCENARIO = "serial_kill9";
    static final int CONTACTS = Integer.getInteger("distman.faults.serial.contacts", 5_000);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    /** The demo directory's addresses (DemoDirectory): every mail of this scenario goes to one of them. */
    private static final String CONTACT_DOMAIN = "@residents.example";

    @Test
    void crashWhileAMailingIsCreatedWritesEveryContactOnce() throws Exception {
        try (SinkDump sink = new SinkDump(SCENARIO);
             FaultRig rig = new FaultRig(SCENARIO, null, "-Ddistman.dispatch.lease=PT30S",
                     "-Ddistman.demo.contacts=" + CONTACTS).start()) {
            long mailing = create(rig);
            FaultRig.log("serial mailing " + mailing + " created for " + CONTACTS + " contacts, held");

            long killAt = CONTACTS / 5;
            boolean reached = FaultRig.await(Duration.ofMinutes(3), Duration.ofMillis(50),
                    () -> settled(rig, mailing) >= killAt);
            assertTrue(reached, "the mailing never reached " + killAt + " contacts");
            rig.kill9();
            long settledAtKill = settled(rig, mailing);
            FaultRig.log("killed at " + settledAtKill + " of " + CONTACTS + " contacts settled");

            rig.restart();
            // MailingResume takes up a mailing no chunk has advanced for a minute; its timer runs every minute.
            boolean created = FaultRig.await(Duration.ofMinutes(6), Duration.ofSeconds(1),
                    () -> "CREATED".equals(status(rig, mailing)));
            String tag = "mailing:" + mailing;
            long rows = settled(rig, mailing);
            long contacts = rig.count("SELECT count(DISTINCT contact_id) FROM serial_recipient WHERE mailing_id = "
                    + mailing, null);
            long queued = rig.count("SELECT count(*) FROM serial_recipient WHERE mailing_id = " + mailing
                    + " AND outcome = 'QUEUED'", null);
            long messages = rig.count("SELECT count(*) FROM message WHERE source_ref = ?", tag);
            FaultRig.log("after the restart: status=" + status(rig, mailing) + " rows=" + rows + " contacts=" + contacts
                    + " queued=" + queued + " messages=" + messages);

            rig.release(tag);
            FaultRig.Outcome o = rig.finish(sink, tag, queued, Duration.ofMinutes(6), FaultRig.SENDABLE);
            long writtenTwice = contactsWrittenTwice(sink);
            FaultRig.log("contacts that got two different messages: " + writtenTwice);

            assertTrue(settledAtKill < CONTACTS / 2, "the kill came too late to prove anything: " + settledAtKill + " settled");
            assertTrue(created, "the mailing did not finish creating after the restart: " + status(rig, mailing));
            assertEquals(CONTACTS, rows, "one row per contact of the directory");
            assertEquals(CONTACTS, contacts, "every contact settled");
            assertTrue(queued > CONTACTS / 2, "most contacts can be mailed: " + queued);
            assertEquals(0, writtenTwice, "contacts written twice");
            assertEquals(queued, o.arrivals().deliveries(), "one sendable delivery per queued contact");
            assertEquals(0, o.arrivals().lost(), "mail never arrived");
            assertEquals(0, o.arrivals().duplicates(), "mail arrived twice (nothing was in flight at the kill)");
            assertEquals(0, o.stuck(), "deliveries left SENDING without a lease");
            assertEquals(0, o.sending(), "deliveries left SENDING");
        }
    }

    /** Creates the mailing over the REST API, to every contact (newsletter or not), held an hour. */
    private static long create(FaultRig rig) throws Exception {
        Instant held = FaultRig.held().truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"subject\":\"Faults {{ lastName }}\",\"textBody\":\"{{ salutation }},\\nyour unit {{ unit }} in block"
                + " {{ block }}.\",\"senderAddress\":\"" + FaultRig.SENDER + "\",\"newsletterOnly\":false,\"sendAt\":\"" + held + "\"}";
        HttpResponse<String> answer = rig.post("serial/mailings", body);
        Matcher id = ID.matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("create mailing: " + answer.statusCode() + " " + answer.body());
        }
        return Long.parseLong(id.group(1));
    }

    private static long settled(FaultRig rig, long mailing) {
        return rig.count("SELECT count(*) FROM serial_recipient WHERE mailing_id = " + mailing, null);
    }

    private static String status(FaultRig rig, long mailing) {
        long created = rig.count("SELECT count(*) FROM serial_mailing WHERE id = " + mailing + " AND status = ?", "CREATED");
        return created == 1 ? "CREATED" : created == 0 ? "not created" : "unknown (database not answering)";
    }

    /** Contacts that received mail under more than one Message-ID: the same contact made into two messages. */
    private static long contactsWrittenTwice(SinkDump sink) {
        Map<String, Set<String>> idsByRecipient = new HashMap<>();
        for (SinkDump.Transaction t : sink.transactions()) {
            if (t.recipient().toLowerCase(Locale.ROOT).endsWith(CONTACT_DOMAIN)) {
                idsByRecipient.computeIfAbsent(t.recipient(), r -> new HashSet<>()).add(t.messageId());
            }
        }
        return idsByRecipient.values().stream().filter(ids -> ids.size() > 1).count();
    }
}
