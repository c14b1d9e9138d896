package io.distman.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The relay misbehaving, one smtp-sink fault at a time, a few one-recipient mails each: every delivery's first
 * attempt must end in the right status with the relay's SMTP code in its timeline; temporary ones must be retried and
 * arrive once the relay is healthy, permanent ones must not be retried. Permanent cases run first, so that the
 * retries of temporary ones (every 15 s here) never meet a permanent refusal meant for another case. Issue 12: a
 * disconnect at RCPT gave FAILED with code -1, a 550 before the end of DATA was never read, 421s lost their code.
 */
class SmtpFaultsFault {

    static final String SCENARIO = "smtp_faults";
    static final java.util.Set<String> PAST_RELAY = java.util.Set.of("ACCEPTED", "DELIVERED", "OPENED", "CLICKED");
    static final int PER_CASE = Integer.getInteger("distman.faults.smtpFaults.perCase", 4);

    /**
     * A fault: smtp-sink's options, and what the first attempt must record (code null: any, a dropped line has none).
     * {@code raceable}: the server replies and closes at once, so the client's read can meet the reset before the
     * reply, and the reply is lost with the connection ("Exception reading response: Connection reset": 1 of 4 in one
     * run of dot_421, 2 of 4 in a fresh-clone run of 2026-12-07). The status must still be right every time, and the
     * code must be on at least one: a client that never read the reply would have it on none.
     */
    record Case(String name, List<String> options, String status, Integer code, boolean raceable) {
        Case(String name, List<String> options, String status, Integer code) {
            this(name, options, status, code, false);
        }

        boolean temporary() {
            return status.equals("TEMPORARY_FAILURE");
        }
    }

    static final List<Case> CASES = List.of(
            new Case("rcpt_550", List.of("-B", "550 5.1.1 Error: no such user", "-f", "RCPT"), "FAILED", 550),
            new Case("data_550", List.of("-A", "0"), "FAILED", 550),
            new Case("rcpt_450", List.of("-r", "RCPT"), "TEMPORARY_FAILURE", 450),
            new Case("dot_421", List.of("-Q", "."), "TEMPORARY_FAILURE", 421, true),
            new Case("rcpt_disconnect", List.of("-q", "RCPT"), "TEMPORARY_FAILURE", null),
            // 20 s of silence after RCPT against the 8 s read timeout set on the instance's mail session
            new Case("rcpt_stall", List.of("-W", "RCPT:20"), "TEMPORARY_FAILURE", null));

    /** The first attempt's outcome of each of a tag's deliveries: status and SMTP code of its earliest attempt event. */
    record FirstAttempt(long delivery, String status, Integer code, String finalStatus, int attempts) {
    }

    @Test
    void eachReplyGivesTheRightStatusAndCode() throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> temporaryIds = new ArrayList<>();
        List<String> allIds = new ArrayList<>();
        try (FaultRig rig = new FaultRig(SCENARIO, "mail.smtp.timeout=8000",
                "-Ddistman.dispatch.lease=PT2M", "-Ddistman.retry.backoff=PT15S").start()) {
            try (SinkDump faulty = new SinkDump(SCENARIO)) {
                for (Case c : CASES) {
                    faulty.restart(c.options().toArray(String[]::new));
                    String tag = "sf-" + c.name().replace('_', '-');
                    rig.submit(tag, PER_CASE, null);
                    boolean attempted = FaultRig.await(Duration.ofSeconds(120), Duration.ofSeconds(1),
                            () -> firstAttempts(rig, tag).stream().filter(a -> a.status() != null).count() == PER_CASE);
                    List<FirstAttempt> firsts = firstAttempts(rig, tag);
                    Map<String, Integer> seen = new TreeMap<>();
                    long withCode = firsts.stream().filter(a -> Objects.equals(c.code(), a.code())).count();
                    if (c.raceable() && withCode == 0) {
                        problems.add(c.name() + ": the code " + c.code() + " on only " + withCode + " of " + firsts.size());
                    }
                    for (FirstAttempt a : firsts) {
                        seen.merge(a.status() + "/" + a.code(), 1, Integer::sum);
                        boolean codeLost = c.raceable() && a.code() == null;
                        if (!c.status().equals(a.status()) || (c.code() != null && !codeLost && !Objects.equals(c.code(), a.code()))) {
                            problems.add(c.name() + ": delivery " + a.delivery() + " first attempt " + a.status() + "/" + a.code()
                                    + ", expected " + c.status() + "/" + (c.code() == null ? "any" : c.code()));
                        }
                    }
                    System.out.println("FAULT-CASE " + SCENARIO + " " + c.name() + " expected=" + c.status() + "/"
                            + (c.code() == null ? "any" : c.code()) + " first_attempts=" + seen + (attempted ? "" : " (not all attempted)"));
                    List<String> ids = rig.messageIds(tag, FaultRig.ALL);
                    if (c.temporary()) {
                        temporaryIds.addAll(ids);
                    }
                    allIds.addAll(ids);
                }
            }
            // A healthy relay: the temporary failures are retried and arrive; the permanent ones stay FAILED.
            try (SinkDump healthy = new SinkDump(SCENARIO + "-healed")) {
                FaultRig.await(Duration.ofMinutes(3), Duration.ofSeconds(1), () -> CASES.stream().filter(Case::temporary)
                        .allMatch(c -> rig.open("sf-" + c.name().replace('_', '-')) == 0));
                FaultRig.pause(Duration.ofSeconds(2));
                Map<String, Integer> copies = healthy.copiesByMessageId();
                SinkDump.Arrivals temporary = SinkDump.Arrivals.of(temporaryIds, copies);
                SinkDump.Arrivals all = SinkDump.Arrivals.of(allIds, copies);
                long stuck = 0;
                for (Case c : CASES) {
                    String tag = "sf-" + c.name().replace('_', '-');
                    stuck += rig.stuck(tag);
                    for (FirstAttempt a : firstAttempts(rig, tag)) {
                        // past the relay: ACCEPTED, or what the demo's provider reports after it (DELIVERED, ...)
                        if (c.temporary() && !(PAST_RELAY.contains(a.finalStatus()) && a.attempts() >= 2)) {
                            problems.add(c.name() + ": delivery " + a.delivery() + " ended " + a.finalStatus() + " after "
                                    + a.attempts() + " attempt(s), expected ACCEPTED (or later) on a retry");
                        }
                        if (!c.temporary() && !(a.finalStatus().equals("FAILED") && a.attempts() == 1)) {
                            problems.add(c.name() + ": delivery " + a.delivery() + " ended " + a.finalStatus() + " after "
                                    + a.attempts() + " attempt(s), expected FAILED without a retry");
                        }
                    }
                }
                // lost: temporary failures that never arrived; duplicates: copies beyond one, on the healthy relay
                FaultRig.faultLine(SCENARIO, allIds.size(), temporary.lost(), all.duplicates(), stuck);
                problems.forEach(p -> FaultRig.log("smtp_faults: " + p));
                assertTrue(problems.isEmpty(), problems.size() + " deliveries wrong: " + problems);
                assertTrue(temporary.lost() == 0 && all.duplicates() == 0 && stuck == 0,
                        "lost=" + temporary.lost() + " duplicates=" + all.duplicates() + " stuck=" + stuck);
            }
        }
    }

    /** Per delivery of the tag: its earliest attempt event (ACCEPTED, TEMPORARY_FAILURE or FAILED), its status now. */
    private static List<FirstAttempt> firstAttempts(FaultRig rig, String tag) {
        String sql = "SELECT d.id, d.status, d.attempts, (SELECT e.status FROM delivery_event e WHERE e.delivery_id = d.id"
                + " AND e.status IN ('ACCEPTED','TEMPORARY_FAILURE','FAILED') ORDER BY e.occurred_at, e.id LIMIT 1),"
                + " (SELECT e.smtp_code FROM delivery_event e WHERE e.delivery_id = d.id"
                + " AND e.status IN ('ACCEPTED','TEMPORARY_FAILURE','FAILED') ORDER BY e.occurred_at, e.id LIMIT 1) "
                + FaultRig.OURS + " ORDER BY d.id";
        try (Connection c = rig.db(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tag);
            List<FirstAttempt> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int code = r.getInt(5);
                    Integer smtpCode = r.wasNull() ? null : code; // right after its own column: wasNull reads the last one
                    result.add(new FirstAttempt(r.getLong(1), r.getString(4), smtpCode, r.getString(2), r.getInt(3)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
