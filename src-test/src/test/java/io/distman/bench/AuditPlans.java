package io.distman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the audit's SQL as EclipseLink sends it (the text was taken from the
 * PostgreSQL log of a bench run with log_statement = all), one file per query in target/bench-results, so a
 * figure can be read next to the plan that gave it. The part-of-address search is explained twice: with its
 * values (a custom plan, what an unnamed statement gets) and as a generic plan (what a server-prepared
 * statement may switch to after five executions).
 */
final class AuditPlans {

    /** The widget's named query, as SQL. */
    static final String WIDGET_SQL = "SELECT status, COUNT(account_id) FROM delivery WHERE account_id = ?"
            + " AND status IN (?, ?, ?, ?) AND created_at >= ? AND created_at < ? GROUP BY status";

    /** EclipseLink's page query around the filter's first conditions (%s, with the alias t0.). */
    private static final String PAGE = "SELECT t0.ID AS a1, t1.ID AS a2, t0.created_at AS a3, t0.raised_by AS a4,"
            + " t0.ADDRESS AS a5, t1.SUBJECT AS a6, t1.source_module AS a7, t1.source_ref AS a8, t0.STATUS AS a9,"
            + " t0.status_at AS a10 FROM delivery t0, message t1 WHERE (((%s AND (t0.created_at >= ?))"
            + " AND (t0.created_at < ?)) AND (t1.ID = t0.message_id)) ORDER BY t0.created_at DESC, t0.ID DESC"
            + " LIMIT ? OFFSET ?";
    /** EclipseLink's count (%s without an alias). */
    private static final String COUNT = "SELECT COUNT(account_id) FROM delivery WHERE ((%s AND (created_at >= ?))"
            + " AND (created_at < ?))";

    private AuditPlans() {
    }

    static void bindWidget(PreparedStatement ps, long account, Instant from, Instant until) throws SQLException {
        ps.setLong(1, account);
        ps.setString(2, "COMPLAINED");
        ps.setString(3, "FAILED");
        ps.setString(4, "REJECTED");
        ps.setString(5, "UNSUBSCRIBED");
        ps.setTimestamp(6, Timestamp.from(from));
        ps.setTimestamp(7, Timestamp.from(until));
    }

    static void write(Connection c, long account, Instant allTime, Instant yearAgo, Instant tomorrow, Instant yesterday,
            Instant today) throws SQLException, IOException {
        audit(c, "address", "((%saccount_id = ?) AND (%sADDRESS = ?))", List.of(account, AuditBench.TENANT, allTime, tomorrow));
        audit(c, "address_shared", "((%saccount_id = ?) AND (%sADDRESS = ?))", List.of(account, AuditBench.SHARED, allTime, tomorrow));
        audit(c, "status_year", "((%saccount_id = ?) AND (%sSTATUS IN (?)))", List.of(account, "FAILED", yearAgo, tomorrow));
        audit(c, "raised_by_all", "((%saccount_id = ?) AND (%sraised_by = ?))", List.of(account, "agent00", allTime, tomorrow));
        String contains = "((%saccount_id = ?) AND LOWER(%sADDRESS) LIKE ? ESCAPE ?)";
        try (Statement st = c.createStatement()) {
            st.execute("SET work_mem = '32MB'"); // as AuditQueries sets it for these searches
            audit(c, "contains_all", contains, List.of(account, "%smith17%", "\\", allTime, tomorrow));
            audit(c, "contains_common_all", contains, List.of(account, "%smith%", "\\", allTime, tomorrow));
            st.execute("RESET work_mem");
        }
        generic(c, "contains_all_generic_page", String.format(PAGE, contains.replace("%s", "t0.")),
                List.of(account, "%smith17%", "\\", allTime, tomorrow, 25L, 0L));
        generic(c, "contains_common_all_generic_page", String.format(PAGE, contains.replace("%s", "t0.")),
                List.of(account, "%smith%", "\\", allTime, tomorrow, 25L, 0L));
        try (PreparedStatement ps = c.prepareStatement(EXPLAIN + WIDGET_SQL)) {
            bindWidget(ps, account, yesterday, today);
            save(ps, "widget");
        }
    }

    private static final String EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS) ";

    private static void audit(Connection c, String name, String first, List<Object> values) throws SQLException, IOException {
        List<Object> page = new ArrayList<>(values);
        page.add(25L);
        page.add(0L);
        explain(c, name + "_page", String.format(PAGE, first.replace("%s", "t0.")), page);
        explain(c, name + "_count", String.format(COUNT, first.replace("%s", "")), values);
    }

    private static void explain(Connection c, String name, String sql, List<Object> values) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(EXPLAIN + sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(ps, i + 1, values.get(i));
            }
            save(ps, name);
        }
    }

    /** The plan PostgreSQL uses once a prepared statement has gone generic (plan_cache_mode forces it here). */
    private static void generic(Connection c, String name, String sql, List<Object> values) throws SQLException, IOException {
        StringBuilder prepared = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            prepared.append(ch == '?' ? "$" + (++n) : String.valueOf(ch));
        }
        List<String> literals = new ArrayList<>();
        for (Object v : values) {
            literals.add(v instanceof Number ? v.toString()
                    : "'" + (v instanceof Instant i ? i.toString() : v.toString()).replace("'", "''") + "'");
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
            st.execute("PREPARE bench_generic AS " + prepared);
            try (ResultSet rs = st.executeQuery(EXPLAIN + "EXECUTE bench_generic(" + String.join(", ", literals) + ")")) {
                save(rs, name);
            } finally {
                st.execute("DEALLOCATE bench_generic");
                st.execute("RESET plan_cache_mode");
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant i) {
            ps.setTimestamp(index, Timestamp.from(i));
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else {
            ps.setString(index, value.toString());
        }
    }

    private static void save(PreparedStatement ps, String name) throws SQLException, IOException {
        try (ResultSet rs = ps.executeQuery()) {
            save(rs, name);
        }
    }

    private static void save(ResultSet rs, String name) throws SQLException, IOException {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
        }
        Files.writeString(BenchFigures.result("plan-" + name + ".txt"), plan);
    }
}
