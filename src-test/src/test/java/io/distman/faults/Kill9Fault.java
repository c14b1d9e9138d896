package io.distman.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of GlassFish at about 20 % of a 10,000-message dispatch, then a restart: nothing may be lost, a mail may
 * go out twice only if it was in flight at the kill (claimed, SENDING, not yet recorded), and then under the same
 * Message-ID; nothing may stay SENDING. The mail is submitted with a common {@code sendAt} so the dispatch starts
 * only when all of it is in the queue.
 */
class Kill9Fault {

    static final String SCENARIO = "kill9";
    static final int MESSAGES = Integer.getInteger("distman.faults.kill9.messages", 10_000);

    @Test
    void crashMidDispatchLosesNothing() {
        String tag = "k9";
        try (SinkDump sink = new SinkDump(SCENARIO);
             FaultRig rig = new FaultRig(SCENARIO, null, "-Ddistman.dispatch.lease=PT30S").start()) {
            Instant sendAt = FaultRig.held();
            long submitStart = System.nanoTime();
            List<Long> messages = rig.submit(tag, MESSAGES, sendAt);
            FaultRig.log("submitted " + messages.size() + " in " + (System.nanoTime() - submitStart) / 1_000_000 + " ms, held");
            long deliveries = rig.deliveries(tag);
            rig.release(tag);

            long killAt = deliveries / 5;
            boolean reached = FaultRig.await(Duration.ofMinutes(5), Duration.ofMillis(100),
                    () -> rig.inStatus(tag, "ACCEPTED") >= killAt);
            assertTrue(reached, "dispatch never reached " + killAt + " accepted");
            rig.kill9();
            // In flight at the kill: claimed (SENDING) but not recorded. These alone may go out twice.
            long inFlight = rig.inStatus(tag, "SENDING");
            long acceptedAtKill = rig.inStatus(tag, "ACCEPTED");
            FaultRig.log("killed at " + acceptedAtKill + " accepted, " + inFlight + " SENDING");

            rig.restart();
            FaultRig.Outcome o = rig.finish(sink, tag, deliveries, Duration.ofMinutes(6));

            assertEquals(MESSAGES, deliveries);
            assertTrue(acceptedAtKill < deliveries / 2, "the kill came too late to prove anything: " + acceptedAtKill + " accepted");
            assertEquals(0, o.arrivals().lost(), "mail never arrived");
            assertEquals(0, o.stuck(), "deliveries left SENDING without a lease");
            assertEquals(0, o.sending(), "deliveries left SENDING");
            assertEquals(0, o.foreignCopies(), "mail sent again under a new Message-ID");
            assertTrue(o.arrivals().duplicates() <= inFlight,
                    o.arrivals().duplicates() + " duplicates, more than the " + inFlight + " deliveries in flight at the kill");
        }
    }
}
