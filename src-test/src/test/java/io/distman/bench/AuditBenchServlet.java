package io.distman.bench;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Test-only (in the bench's test WAR, never in the application): what the client side of {@link AuditBench}
 * cannot see from outside the server. {@code GET /test-bench/account?code=} gives a generated account's id;
 * {@code POST /test-bench/heap/start} collects garbage, resets the heap pools' peaks and starts sampling the
 * used heap every 5 ms; {@code POST /test-bench/heap/stop} stops and answers
 * {@code baseline sampledPeak poolPeakSum oldBaseline oldPeak} in bytes. The sampled peak is the heap actually
 * in use at once (garbage included, so an upper bound of what the export holds); the sum of the pools' own
 * peaks is a coarser upper bound, as the pools peak at different moments. The old generation's peak over its
 * baseline is what survived young collections meanwhile: closer to what the export really kept.
 */
@WebServlet("/test-bench/*")
public class AuditBenchServlet extends HttpServlet {

    private static final AtomicBoolean SAMPLING = new AtomicBoolean();
    private static final AtomicLong PEAK = new AtomicLong();
    private static volatile long baseline;
    private static volatile long oldBaseline;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/account".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT id FROM account WHERE code = ?")) {
            ps.setString(1, request.getParameter("code"));
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    response.sendError(404, "no account " + request.getParameter("code"));
                    return;
                }
                response.getWriter().print(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/heap/start" -> start();
            case "/heap/stop" -> {
                SAMPLING.set(false);
                long poolPeaks = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                        poolPeaks += pool.getPeakUsage().getUsed();
                    }
                }
                response.getWriter().print(baseline + " " + PEAK.get() + " " + poolPeaks + " " + oldBaseline + " "
                        + old().map(pool -> pool.getPeakUsage().getUsed()).orElse(0L));
            }
            default -> response.sendError(404);
        }
    }

    private static void start() {
        SAMPLING.set(false);
        System.gc(); // a baseline without the garbage of earlier work
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        baseline = used();
        oldBaseline = old().map(pool -> pool.getUsage().getUsed()).orElse(0L);
        PEAK.set(baseline);
        SAMPLING.set(true);
        Thread sampler = new Thread(() -> {
            while (SAMPLING.get()) {
                PEAK.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** G1's "G1 Old Gen" (or another collector's tenured pool). */
    private static java.util.Optional<MemoryPoolMXBean> old() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .findFirst();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
