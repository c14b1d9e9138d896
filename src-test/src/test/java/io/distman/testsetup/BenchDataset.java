package io.distman.testsetup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit benchmark's data: {@code N} deliveries (two recipients per message) in five accounts, generated
 * with set-based SQL inside PostgreSQL (generate_series, INSERT … SELECT), so 10 million rows take minutes,
 * not the hours that submit() would. Run by {@link DatabaseSetup} before GlassFish starts, so the GlassFish
 * lock is not held while it runs, on the kept database of the bench profile.
 *
 * <p>The shape the audit meets in production: one big agency ({@value #MEASURED}, half of all deliveries),
 * four smaller ones (25, 12.5, 7.5, 5 %), two years of history with the ids rising with time, a batch user
 * raising 30 % of the mail and 40 agents with a skewed share of the rest, 200,000 skewed tenant addresses
 * plus one busy shared address (2 %), 1 % without an address, and a status mix of mostly delivered mail with
 * about 5 % failures. Only final statuses: nothing is due, so the dispatcher under test never touches it.
 *
 * <p>Secondary indexes and unique/foreign keys of {@code message} and {@code delivery} (whatever the
 * migrations of the day define) are dropped for the load and built again after it, which is several times
 * faster than maintaining 13 indexes row by row; then VACUUM ANALYZE sets the visibility map that the
 * index-only counts rely on. A row in {@code bench_dataset} marks a finished load.
 */
final class BenchDataset {

    /** The account whose audit the benchmark measures. */
    static final String MEASURED = "bench-a1";

    private BenchDataset() {
    }

    /** The number of deliveries of a finished load, or -1 when there is none (missing, or cut off midway). */
    static long loaded(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('bench_dataset') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return -1;
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(deliveries) FROM bench_dataset")) {
            return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1;
        }
    }

    /** Fills an empty, migrated schema with {@code deliveries} deliveries. */
    static void generate(Connection c, long deliveries) throws SQLException {
        c.setAutoCommit(true);
        long messages = (deliveries + 1) / 2;
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '1GB'");
            st.execute("SET synchronous_commit = off");
            st.execute("SET max_parallel_maintenance_workers = 2");
            List<String> recreate = dropIndexesAndKeys(st);
            log("dropped %d indexes and keys of message and delivery for the load", recreate.size());

            st.execute("""
                    INSERT INTO account (id, code, name, created_at)
                    SELECT a, 'bench-a' || a, 'Bench agency ' || a, now() - interval '3 years'
                    FROM generate_series(1, 5) a""");

            // Message m: its account by a uniform hash of m (7919 is coprime with 1000), skewed 50/25/12.5/7.5/5 %;
            // its time rises with m over two years up to now.
            st.execute(String.format(Locale.ROOT, """
                    INSERT INTO message (id, account_id, raised_by, source_module, source_ref, category, priority,
                                         sender_address, sender_name, subject, created_at)
                    SELECT m,
                           CASE WHEN h < 500 THEN 1 WHEN h < 750 THEN 2 WHEN h < 875 THEN 3 WHEN h < 950 THEN 4 ELSE 5 END,
                           CASE WHEN r1 < 0.3 THEN 'batch.demands'
                                ELSE 'agent' || lpad(floor(40 * power(r2, 2))::int::text, 2, '0') END,
                           (ARRAY['demand','arrears','repair','letting','statement'])[1 + m %% 5],
                           (m %% 100000)::text,
                           (ARRAY['TRANSACTIONAL','ESSENTIAL','BULK'])[1 + m %% 3],
                           'NORMAL',
                           'lettings@agency' || (1 + h %% 5) || '.example',
                           'Lettings',
                           (ARRAY['Rent demand','Arrears reminder','Repair appointment','Tenancy renewal',
                                  'Service charge statement','Newsletter'])[1 + m %% 6] || ' ' || m,
                           now() - interval '730 days' + (m - 1) * (interval '730 days' / %d)
                    FROM (SELECT m, (m * 7919) %% 1000 AS h, random() AS r1, random() AS r2
                          FROM generate_series(1::bigint, %d) m) g""", messages, messages));
            log("%d messages after %.0f s", messages, (System.nanoTime() - started) / 1e9);

            // Two recipients per message; addresses from a skewed pool of 200,000 tenants, 2 % to one busy
            // shared address, 1 % none (EMAIL_MISSING); a status mix with about 5 % FAILED.
            st.execute(String.format(Locale.ROOT, """
                    INSERT INTO delivery (id, account_id, message_id, recipient_type, address, display_name, address_domain,
                                          raised_by, source_module, priority, status, status_at, smtp_code, message_id_header,
                                          return_token, attempts, created_at)
                    SELECT id, account_id, message_id, 'TO', address, NULL, split_part(address, '@', 2), raised_by, source_module,
                           'NORMAL',
                           CASE WHEN address IS NULL THEN 'EMAIL_MISSING'
                                WHEN s < 0.52 THEN 'DELIVERED' WHEN s < 0.67 THEN 'ACCEPTED' WHEN s < 0.79 THEN 'OPENED'
                                WHEN s < 0.83 THEN 'CLICKED' WHEN s < 0.88 THEN 'FAILED' WHEN s < 0.885 THEN 'COMPLAINED'
                                WHEN s < 0.895 THEN 'REJECTED' WHEN s < 0.90 THEN 'UNSUBSCRIBED'
                                WHEN s < 0.92 THEN 'SUPPRESSED' WHEN s < 0.93 THEN 'OPTED_OUT'
                                WHEN s < 0.94 THEN 'CANCELLED' ELSE 'DELIVERED' END,
                           created_at + interval '90 seconds',
                           CASE WHEN s >= 0.83 AND s < 0.88 THEN 550 ELSE 250 END,
                           'bench.' || id || '@distman.bench', 'b' || id, 1, created_at
                    FROM (SELECT id, account_id, message_id, raised_by, source_module, created_at, s,
                                 CASE WHEN a < 0.01 THEN NULL
                                      WHEN a < 0.03 THEN 'accounts@partner-housing.example'
                                      ELSE (ARRAY['olivia','jack','amelia','harry','isla','oliver','ava','george','mia','noah',
                                                  'emily','leo','sophia','arthur','grace','oscar','lily','charlie','freya','jacob',
                                                  'anna','lukas','lena','paul','marie','felix','emma','jonas','mila','elias',
                                                  'sofia','ben','hannah','finn','lea','noel','clara','max','ida','theo'])[1 + p %% 40]
                                           || '.' ||
                                           (ARRAY['smith','jones','taylor','brown','williams','wilson','johnson','davies','patel','wright',
                                                  'walker','white','green','hall','wood','martin','harris','cooper','king','clarke',
                                                  'mueller','schmidt','schneider','fischer','weber','meyer','wagner','becker','schulz','hoffmann',
                                                  'koch','richter','klein','wolf','neumann','schwarz','braun','zimmermann','krueger','hartmann',
                                                  'lange','werner','krause','lehmann','koehler','maier','kaiser','fuchs','peters','scholz'])[1 + (p / 40) %% 50]
                                           || (p / 2000)::text || '@' ||
                                           (ARRAY['web.de','gmail.com','gmx.de','outlook.com','tenant.example.org','t-online.de','yahoo.co.uk'])[1 + p %% 7]
                                 END AS address
                          -- random() in the select list is drawn per row (in a lateral subquery it is drawn once)
                          FROM (SELECT (m.id - 1) * 2 + k AS id, m.account_id, m.id AS message_id, m.raised_by,
                                       m.source_module, m.created_at,
                                       random() AS s, random() AS a, floor(200000 * power(random(), 1.5))::int AS p
                                FROM message m CROSS JOIN generate_series(1, 2) k
                                WHERE (m.id - 1) * 2 + k <= %d) r) g""", deliveries));
            log("%d deliveries after %.0f s", deliveries, (System.nanoTime() - started) / 1e9);

            for (String ddl : recreate) {
                long t = System.nanoTime();
                st.execute(ddl);
                log("%.0f s: %s", (System.nanoTime() - t) / 1e9, ddl);
            }
            // EclipseLink takes a fetched value v as the top of its block v-49..v: the next block starts above the data.
            st.execute("SELECT setval('account_seq', 5), setval('message_seq', " + messages + "), setval('delivery_seq', "
                    + deliveries + ")");
            st.execute("VACUUM ANALYZE message");
            st.execute("VACUUM ANALYZE delivery");
            st.execute("VACUUM ANALYZE account");
            st.execute("CREATE TABLE IF NOT EXISTS bench_dataset (deliveries BIGINT NOT NULL, generated_at TIMESTAMPTZ NOT NULL,"
                    + " seconds INTEGER NOT NULL)");
            st.execute("INSERT INTO bench_dataset VALUES (" + deliveries + ", now(), "
                    + Math.round((System.nanoTime() - started) / 1e9) + ")");
        }
        log("%d deliveries generated, indexed and vacuumed in %.0f s", deliveries, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Drops the secondary indexes and the unique and foreign keys of message and delivery (the primary keys
     * stay: other tables' foreign keys hang on them) and returns the DDL that builds them again.
     */
    private static List<String> dropIndexesAndKeys(Statement st) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> recreate = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint
                WHERE conrelid IN ('message'::regclass, 'delivery'::regclass) AND contype IN ('u', 'f')
                ORDER BY contype DESC""")) { // unique keys are built before the foreign keys
            while (rs.next()) {
                drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                keys.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        try (ResultSet rs = st.executeQuery("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid IN ('message'::regclass, 'delivery'::regclass) AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")) {
            while (rs.next()) {
                drop.add("DROP INDEX " + rs.getString(1));
                recreate.add(rs.getString(2));
            }
        }
        for (String ddl : drop) {
            st.execute(ddl);
        }
        recreate.addAll(keys);
        return recreate;
    }

    private static void log(String format, Object... args) {
        System.out.println("[BenchDataset] " + String.format(Locale.ROOT, format, args));
    }
}
