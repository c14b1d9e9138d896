package io.distman.monitoring.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Asks the database a real question (a query on one of our tables, so a missing schema fails too) under a time
 * limit that covers getting the connection: a pool whose connections all hang would otherwise hold the probe
 * for the pool's wait time (60 s by default). The work runs on the managed executor so the caller can stop
 * waiting; a check that overran finishes in the background and its connection goes back to the pool. While
 * one check is running, further callers wait on that one rather than start another, so a hanging database and a
 * busy probe cannot use up the executor's threads (which the dispatcher needs).
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final String QUERY = "SELECT COUNT(*) FROM account WHERE id < 0";

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private Future<Void> running;

    /** @return empty when the database answered in time, else why not */
    public Optional<String> problem() {
        Duration limit = MonitorSettings.databaseTimeout();
        Future<Void> check;
        try {
            check = runningOrNew(limit);
        } catch (RuntimeException rejected) {
            return Optional.of("the check could not be started: " + rejected);
        }
        try {
            check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private synchronized Future<Void> runningOrNew(Duration limit) {
        if (running == null || running.isDone()) {
            running = executor.submit(() -> query(limit));
        }
        return running;
    }

    private Void query(Duration limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
            try (ResultSet result = statement.executeQuery(QUERY)) {
                result.next();
            }
        }
        return null;
    }
}
