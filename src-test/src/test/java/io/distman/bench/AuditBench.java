package io.distman.bench;

import static io.distman.bench.BenchFigures.percentileMillis;
import static io.distman.bench.BenchFigures.report;
import static io.distman.bench.BenchFigures.result;

import io.distman.account.entity.UserRole;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.message.entity.DeliveryStatus;
import io.distman.report.boundary.MonthlyCounts;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.workbench.boundary.FailureWidget;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Email Audit on 10 million deliveries ({@code mvn -Pbench verify}; the data comes from
 * io.distman.testsetup.BenchDataset in the kept database distman_bench, 5 million of them in the measured
 * account). In-container, through the EJB the screen calls: the first page (25 rows, newest first) and the
 * exact count for one address, a status over a year, a raised-by over all time and part of an address, and
 * the workbench widget's counts (FailureWidget); 5 warm-up and 25 measured runs each, p50 and p95. Client-side, over HTTP as a signed-in
 * agent: the Excel and PDF exports of about 100,000 rows, read to the end, with the server's heap sampled
 * meanwhile. EXPLAIN (ANALYZE, BUFFERS) of the same SQL goes to target/bench-results.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AuditBench {

    static final int WARM_UP = 5;
    static final int RUNS = 25;
    static final int PAGE = 25;
    static final String PASSWORD = "bench-lantern-quietly-9";
    /** A recipient shared by 2 % of the measured account's mail: about 100,000 rows, the export's filter. */
    static final String SHARED = "accounts@partner-housing.example";
    /** The busiest tenant address of the dataset's skewed pool (its index 0). */
    static final String TENANT = "olivia.smith0@web.de";
    static final Set<DeliveryStatus> WIDGET = Set.of(DeliveryStatus.FAILED, DeliveryStatus.COMPLAINED,
            DeliveryStatus.REJECTED, DeliveryStatus.UNSUBSCRIBED);

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(AuditBench.class, AuditBenchServlet.class, BenchFigures.class, AuditPlans.class);
    }

    @EJB
    EmailAudit audit;

    @EJB
    AsCaller as;

    @EJB
    Fixtures fixtures;

    @EJB
    FailureWidget failureWidget;

    @EJB
    MonthlyCounts monthlyCounts;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    /** All time as the screen asks for it: whole days, from before the dataset's first day to today. */
    static LocalDate allTimeFrom() {
        return LocalDate.now().minusYears(3);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    @Test
    @Order(1)
    void auditQueries() throws Exception {
        long account = accountId();
        // As a signed-in agent of the account, as the screens call them (the check of the caller is part of the cost).
        SignedIn.newUser(as, fixtures, account, "bench", UserRole.AGENT).run(() -> auditQueries(account));
    }

    private void auditQueries(long account) throws Exception {
        report("audit_dataset_deliveries", single("SELECT max(deliveries) FROM bench_dataset"), "rows");
        report("audit_account_deliveries", single("SELECT count(account_id) FROM delivery WHERE account_id = " + account), "rows");
        LocalDate today = LocalDate.now();
        Instant tomorrow = startOf(today.plusDays(1));
        Instant allTime = startOf(allTimeFrom());
        Instant yearAgo = startOf(today.minusDays(364));

        measure(account, "address", AuditFilter.between(allTime, tomorrow).withTo(TENANT));
        measure(account, "address_shared", AuditFilter.between(allTime, tomorrow).withTo(SHARED));
        measure(account, "status_year", AuditFilter.between(yearAgo, tomorrow).withStatuses(Set.of(DeliveryStatus.FAILED)));
        measure(account, "status4_year", AuditFilter.between(yearAgo, tomorrow).withStatuses(WIDGET));
        measure(account, "raised_by_all", AuditFilter.between(allTime, tomorrow).withRaisedBy("agent00"));
        measure(account, "contains_all", AuditFilter.between(allTime, tomorrow).withTo("smith17"));
        measure(account, "contains_common_all", AuditFilter.between(allTime, tomorrow).withTo("smith"));
        measure(account, "today", AuditFilter.between(startOf(today), tomorrow));
        Files.writeString(result("address_shared.count"), String.valueOf(audit.count(account,
                AuditFilter.between(allTime, tomorrow).withTo(SHARED))));

        Instant yesterday = startOf(today.minusDays(1));
        long[] widget = timed(() -> failureWidget.counts(account, yesterday, startOf(today)).counts().size());
        report("widget_p50", percentileMillis(widget, 50), "ms");
        report("widget_p95", percentileMillis(widget, 95), "ms");
        report("widget_p95_vs_50ms_target", percentileMillis(widget, 95) / 50, "x");
        long[] widgetSql = timed(() -> widgetCounts(account, yesterday, startOf(today)));
        report("widget_sql_p50", percentileMillis(widgetSql, 50), "ms");
        report("widget_sql_p95", percentileMillis(widgetSql, 95), "ms");

        // The Monthly counts report's default range (12 months) of the 5 M-delivery account: ~2.5 M deliveries
        // grouped from the (account_id, created_at, status, source_module) index of V18.
        long[] monthly = timed(() -> monthlyCounts.counts(account, yearAgo, tomorrow).size());
        report("monthly_year_p50", percentileMillis(monthly, 50), "ms");
        report("monthly_year_p95", percentileMillis(monthly, 95), "ms");
        try (Connection c = dataSource.getConnection()) {
            AuditPlans.write(c, account, allTime, yearAgo, tomorrow, yesterday, startOf(today));
        }
    }

    private void measure(long account, String name, AuditFilter filter) throws IOException {
        long[] page = timed(() -> audit.page(account, filter, 0, PAGE).size());
        long[] count = timed(() -> audit.count(account, filter));
        report("audit_" + name + "_rows", audit.count(account, filter), "rows");
        report("audit_" + name + "_page_p50", percentileMillis(page, 50), "ms");
        report("audit_" + name + "_page_p95", percentileMillis(page, 95), "ms");
        report("audit_" + name + "_count_p50", percentileMillis(count, 50), "ms");
        report("audit_" + name + "_count_p95", percentileMillis(count, 95), "ms");
        report("audit_" + name + "_page_p95_vs_150ms_target", percentileMillis(page, 95) / 150, "x");
        report("audit_" + name + "_count_p95_vs_1s_target", percentileMillis(count, 95) / 1000, "x");
    }

    /** Nanoseconds of {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. */
    private static long[] timed(LongSupplier run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.getAsLong();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run.getAsLong();
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    /**
     * The widget's named query as plain JDBC (the same SQL), to tell the query's own cost from the EJB and
     * EclipseLink around it: yesterday's count per failure status, counted from the index alone.
     */
    private long widgetCounts(long account, Instant from, Instant until) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(AuditPlans.WIDGET_SQL)) {
            AuditPlans.bindWidget(ps, account, from, until);
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(2);
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long accountId() throws SQLException {
        return single("SELECT id FROM account WHERE code = 'bench-a1'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no benchmark data (" + sql + "): run with -Pbench");
            }
            return rs.getLong(1);
        }
    }

    /** Both exports of the shared address over all time (about 100,000 rows), as a signed-in agent downloads them. */
    @Test
    @Order(2)
    @RunAsClient
    void exports() throws Exception {
        String base = TestEnvironment.baseUrl();
        TestData data = new TestData(new URL(base));
        SignedInClient anonymous = new SignedInClient(base);
        long account = Long.parseLong(anonymous.getText("test-bench/account?code=bench-a1").strip());
        String agent = data.newUser(account, "bench", "AGENT", PASSWORD);
        SignedInClient client = anonymous.signIn(agent, PASSWORD);
        String query = "address=" + SHARED.replace("@", "%40") + "&from=" + allTimeFrom() + "&to=" + LocalDate.now();
        long expected = Long.parseLong(Files.readString(result("address_shared.count")).strip());
        for (String format : List.of("xlsx", "pdf")) {
            client.post("test-bench/heap/start");
            Path file = result("export." + format);
            long start = System.nanoTime();
            long firstByte;
            long bytes = 0;
            HttpResponse<InputStream> response = client.get("app/export/audit." + format + "?" + query);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n = in.read(buffer);
                firstByte = System.nanoTime();
                while (n >= 0) {
                    out.write(buffer, 0, n);
                    bytes += n;
                    n = in.read(buffer);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] heap = client.post("test-bench/heap/stop").strip().split(" ");
            double baselineMb = Long.parseLong(heap[0]) / 1048576.0;
            double peakMb = Long.parseLong(heap[1]) / 1048576.0;
            double poolPeaksMb = Long.parseLong(heap[2]) / 1048576.0;
            double oldGrowthMb = (Long.parseLong(heap[4]) - Long.parseLong(heap[3])) / 1048576.0;
            long rows = format.equals("xlsx") ? xlsxRows(file) : expected;
            if (format.equals("xlsx") && rows != expected) {
                throw new AssertionError("the workbook has " + rows + " rows, the audit counts " + expected);
            }
            report("export_" + format + "_rows", rows, "rows");
            if (format.equals("pdf")) {
                report("export_pdf_pages", pdfPages(file), "pages");
            }
            report("export_" + format + "_seconds", seconds, "s");
            report("export_" + format + "_rate", rows / seconds, "rows/s");
            report("export_" + format + "_first_byte", (firstByte - start) / 1e6, "ms");
            report("export_" + format + "_bytes", bytes / 1048576.0, "MB");
            report("export_" + format + "_heap_baseline", baselineMb, "MB");
            report("export_" + format + "_heap_peak", peakMb, "MB");
            report("export_" + format + "_heap_peak_delta", peakMb - baselineMb, "MB");
            report("export_" + format + "_heap_pool_peak_sum", poolPeaksMb, "MB");
            report("export_" + format + "_heap_old_gen_growth", oldGrowthMb, "MB");
            report("export_" + format + "_heap_delta_vs_256mb_target", (peakMb - baselineMb) / 256, "x");
        }
    }

    /** Data rows of the first sheet, counted in its XML as it streams by (the header row is not counted). */
    private static long xlsxRows(Path file) throws IOException {
        // ZipFile, not ZipInputStream: POI writes the sizes after each entry, which ZipInputStream refuses.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                throw new AssertionError("no sheet in " + file);
            }
            try (InputStream in = new java.io.BufferedInputStream(zip.getInputStream(sheet))) {
                return countOf(in, "<row ".getBytes(StandardCharsets.US_ASCII)) - 1;
            }
        }
    }

    private static long countOf(InputStream in, byte[] needle) throws IOException {
        long count = 0;
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
            if (matched == needle.length) {
                count++;
                matched = 0;
            }
        }
        return count;
    }

    private static int pdfPages(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return document.getNumberOfPages();
        }
    }

    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
