package io.sigil.bench.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N connections, each a thread with its own HTTP/1.1 client, sending one signed request again and again for a
 * fixed time (the server verifies the signature every time; re-sending within the clock-skew window is valid
 * SigV4). Reports requests per second and latency percentiles over every request.
 */
final class LoadRun {
    /**
     * {@code cpuMicros}: CPU time of the whole process (server and client threads, JIT and GC included) per request,
     * which depends much less than requests/s on what else the machine runs meanwhile.
     */
    record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros,
                  double cpuMicros) {
        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-28s %9.0f req/s   p50 %6d µs   p99 %6d µs   CPU %5.0f µs/req   (%d requests, %d errors)",
                    name, perSecond(), p50Micros, p99Micros, cpuMicros, requests, errors);
        }
    }

    /** One connection's request, sent again and again; answers the HTTP status. */
    interface Exchange extends AutoCloseable {
        int send() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private static Exchange jdkExchange(URI endpoint, String body, Map<String, List<String>> headers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        HttpRequest req = b.build();
        return () -> http.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    /** CPU time used by this process so far, in nanoseconds (-1 where the JVM cannot tell). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private LoadRun() {}

    /** The HTTP client each connection uses. */
    enum Client {
        /** The JDK's {@code java.net.http.HttpClient}, one per connection (each with its own selector thread). */
        JDK,
        /**
         * A blocking socket per connection writing the same request bytes and reading the response by its
         * Content-Length: the least client CPU per request, so that the two cores go to the server.
         */
        RAW,
        /** All connections on one selector thread ({@link NioLoad}), as wrk does: the fewest client threads. */
        NIO
    }

    static Result run(String name, URI endpoint, String body, String keyId, String secret, int connections,
                      Duration duration) throws InterruptedException {
        return run(Client.JDK, name, endpoint, body, keyId, secret, connections, duration);
    }

    static Result run(Client client, String name, URI endpoint, String body, String keyId, String secret,
                      int connections, Duration duration) throws InterruptedException {
        Map<String, List<String>> headers = Signer.sign(endpoint, body, keyId, secret);
        if (client == Client.NIO) {
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            NioLoad.Outcome o;
            try {
                o = NioLoad.run(endpoint, RawExchange.request(endpoint, body, headers), connections,
                        started + duration.toNanos());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return result(name, Arrays.copyOf(o.latencies(), o.count()), o.errors(), started, cpuStarted);
        }
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        for (int c = 0; c < connections; c++) {
            int idx = c;
            Exchange exchange = client == Client.RAW ? RawExchange.open(endpoint, body, headers)
                    : jdkExchange(endpoint, body, headers);
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (exchange) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            if (exchange.send() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, lat.length * 2);
                        }
                        lat[n++] = (System.nanoTime() - t0) / 1000;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies[idx] = lat;
                counts[idx] = n;
                done.countDown();
            }, "load-" + c);
            t.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return result(name, all, errors.get(), started, cpuStarted);
    }

    /** The figures of a run that began at {@code started} (and {@code cpuStarted}) and ends now. */
    private static Result result(String name, long[] all, long errors, long started, long cpuStarted) {
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuNanos() - cpuStarted;
        int total = all.length;
        Arrays.sort(all);
        long p50 = total == 0 ? 0 : all[(int) (total * 0.50)];
        long p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))];
        double cpuMicros = total == 0 || cpuStarted < 0 ? -1 : cpu / 1000.0 / total;
        return new Result(name, total, errors, seconds, p50, p99, cpuMicros);
    }
}
