package io.sigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server started before its routes are given (as the composition root starts Jetty alongside the store): a
 * request that arrives early waits for the routes instead of failing, and one still waiting when the server closes
 * gets a 503.
 */
class EarlyStartTest {
    private static final ApiEndpoint API = PlainTextApi.INSTANCE;

    private static CompletableFuture<HttpResponse<String>> get(SigilHttpServer server, String path) {
        return HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestBeforeTheRoutes_waitsForThem_andIsAnsweredByThem() throws Exception {
        SigilHttpServer server = new SigilHttpServer("127.0.0.1", 0, HttpLimits.defaults());
        server.start();
        try {
            CompletableFuture<HttpResponse<String>> early = get(server, "/_sigil/health");
            Thread.sleep(300);
            assertThat(early).as("no answer before the routes are given").isNotDone();

            server.open(Map.of("GET /_sigil/health", call -> HttpReply.json(200, "{\"status\":\"ok\"}")), Map.of(), API);

            HttpResponse<String> r = early.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(get(server, "/").get(10, TimeUnit.SECONDS).body()).isEqualTo("api\n");
        } finally {
            server.close();
        }
    }

    @Test
    void aRequestStillWaitingWhenTheServerCloses_gets503() throws Exception {
        SigilHttpServer server = new SigilHttpServer("127.0.0.1", 0, HttpLimits.defaults());
        server.start();
        CompletableFuture<HttpResponse<String>> early = get(server, "/");
        Thread.sleep(300);
        assertThat(early).isNotDone();

        server.close();

        assertThat(early.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }
}
