-- Scheduled jobs of the installation (issue 12, part 3): every server runs the same timers, and before a job
-- runs, the server takes its row here with one conditional update, so the dispatch sweep, the bounce-mailbox
-- poll, the daily summary, the stuck-queue check and the hourly clean-ups run once per installation, not once
-- per server. holder: the server holding the turn; lease_until: until when (a server that died mid-run blocks
-- the job only that long; NULL once the run ended); last_run_at: when the last run began (the gap between runs).
CREATE TABLE scheduled_task (
    name          VARCHAR(100) PRIMARY KEY,
    holder        VARCHAR(200),
    lease_until   TIMESTAMP,
    last_run_at   TIMESTAMP
);
-- The jobs of today, so that no server has to create a row while another takes it (ScheduleLeases creates a
-- missing one all the same).
INSERT INTO scheduled_task (name) VALUES ('dispatch sweep');
INSERT INTO scheduled_task (name) VALUES ('bounce-mailbox poll');
INSERT INTO scheduled_task (name) VALUES ('notification daily summary');
INSERT INTO scheduled_task (name) VALUES ('stuck-queue check');
INSERT INTO scheduled_task (name) VALUES ('secret sealing');
INSERT INTO scheduled_task (name) VALUES ('sign-in throttle purge');
