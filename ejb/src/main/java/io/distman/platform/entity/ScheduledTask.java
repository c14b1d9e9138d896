package io.distman.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One scheduled job of the installation (see V33_1): who runs it now and until when ({@code leaseUntil}), and
 * when the last run began. The servers of an installation share it, so a job that every server schedules runs
 * on one of them: a server takes the row with one conditional update ({@link #TAKE}) and only the one whose
 * update changed the row runs the job.
 */
@Entity
@Table(name = "scheduled_task")
@NamedQuery(name = ScheduledTask.TAKE, query = "UPDATE ScheduledTask t SET t.holder = :me, t.leaseUntil = :until,"
        + " t.lastRunAt = :now WHERE t.name = :name"
        + " AND (t.leaseUntil IS NULL OR t.leaseUntil < :now OR t.holder = :me)"
        + " AND (t.lastRunAt IS NULL OR t.lastRunAt <= :startedBefore)")
@NamedQuery(name = ScheduledTask.RELEASE, query = "UPDATE ScheduledTask t SET t.leaseUntil = NULL"
        + " WHERE t.name = :name AND t.holder = :me")
public class ScheduledTask {

    public static final String TAKE = "ScheduledTask.take";
    public static final String RELEASE = "ScheduledTask.release";

    @Id
    @Column(length = 100)
    private String name;

    @Column(length = 200)
    private String holder;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    protected ScheduledTask() {
    }

    /** A job no server has run yet. */
    public ScheduledTask(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }
}
