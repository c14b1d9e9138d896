package io.distman.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A relay slower than the lease: smtp-sink waits a second before answering each DATA, so a block of 50 takes about
 * 50 s against a 15 s lease. A sweep then finds the block's deliveries claimable while their first sender is still
 * talking to the relay (issue 12: 600 mails at ~1 s each gave 50 duplicates). Required: no mail twice, none lost,
 * none left SENDING.
 */
class SlowRelayFault {

    static final String SCENARIO = "slow_relay";
    static final int MESSAGES = Integer.getInteger("distman.faults.slowRelay.messages", 400);

    @Test
    void slowRelaySendsEachMailOnce() {
        String tag = "slow";
        try (SinkDump sink = new SinkDump(SCENARIO, "-w", "1");
             FaultRig rig = new FaultRig(SCENARIO, null, "-Ddistman.dispatch.lease=PT15S").start()) {
            // One common due time, so the blocks are claimed together as in a real backlog.
            rig.submit(tag, MESSAGES, FaultRig.held());
            long deliveries = rig.deliveries(tag);
            rig.release(tag);
            FaultRig.Outcome o = rig.finish(sink, tag, deliveries, Duration.ofMinutes(4));

            assertEquals(MESSAGES, deliveries);
            assertEquals(0, o.arrivals().duplicates(), "mail sent twice");
            assertEquals(0, o.arrivals().lost(), "mail never arrived");
            assertEquals(0, o.stuck(), "deliveries left SENDING without a lease");
        }
    }
}
