package io.distman.bench;

import static io.distman.bench.BenchFigures.report;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.GeneratedBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
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
 * The server's heap while a 300 MB body is posted by someone who needs no credentials ({@code mvn -Pbench verify},
 * alone: {@code -Dit.test=BodyLimitBench}): to a webhook URL and to the bounce pipe, streamed from a generator
 * in this client JVM, with and without a Content-Length. The heap is sampled every 5 ms by AuditBenchServlet;
 * {@code BENCH body_limit_<endpoint>_<declared|chunked>_heap_growth} is the sampled peak over the baseline (garbage
 * included, so an upper bound), {@code ..._vs_body} that growth over the body's size (before the bound, the
 * whole body was held: a ratio of 1 or more, and OutOfMemoryError at 300 MB); {@code ..._old_gen_growth} is what
 * survived young collections meanwhile, i.e. what was held rather than passed through.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class BodyLimitBench {

    private static final String BASE = "http://localhost:8080/distman/";
    private static final String SECRET = "bench-bounce-secret";
    private static final long BODY = 300L * 1024 * 1024;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(BodyLimitBench.class, AuditBenchServlet.class, BenchFigures.class);
    }

    /** In the server: the bounce pipe needs its secret configured to get past 503. */
    @Test
    @Order(1)
    void configure() {
        System.setProperty("distman.bounce.secret", SECRET);
    }

    @Test
    @Order(2)
    @RunAsClient
    void heapDuringA300MbPost() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (boolean declared : new boolean[] {true, false}) {
            measure(http, "webhook", "api/v1/webhooks/mailgun", declared, r -> r.header("Content-Type", "application/json"));
            measure(http, "bounces", "api/v1/bounces", declared,
                    r -> r.header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + SECRET));
        }
    }

    private static void measure(HttpClient http, String name, String path, boolean declared, Consumer<HttpRequest.Builder> headers)
            throws Exception {
        post(http, "test-bench/heap/start", HttpRequest.BodyPublishers.noBody(), r -> { });
        long start = System.nanoTime();
        HttpResponse<String> response = post(http, path, GeneratedBody.publisher(BODY, declared), headers);
        double seconds = (System.nanoTime() - start) / 1e9;
        String[] heap = post(http, "test-bench/heap/stop", HttpRequest.BodyPublishers.noBody(), r -> { }).body().strip().split(" ");
        if (response.statusCode() != 413) {
            throw new AssertionError(name + " answered " + response.statusCode() + ": " + response.body());
        }
        double growthMb = (Long.parseLong(heap[1]) - Long.parseLong(heap[0])) / 1048576.0;
        double oldGrowthMb = (Long.parseLong(heap[4]) - Long.parseLong(heap[3])) / 1048576.0;
        String key = "body_limit_" + name + "_" + (declared ? "declared" : "chunked");
        report(key + "_heap_growth", growthMb, "MB");
        report(key + "_vs_body", growthMb / (BODY / 1048576.0), "x");
        report(key + "_old_gen_growth", oldGrowthMb, "MB");
        report(key + "_seconds", seconds, "s");
    }

    private static HttpResponse<String> post(HttpClient http, String path, HttpRequest.BodyPublisher body,
                                             Consumer<HttpRequest.Builder> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).POST(body);
        headers.accept(request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
