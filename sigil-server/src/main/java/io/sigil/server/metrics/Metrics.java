package io.sigil.server.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request metrics in Prometheus' text exposition format (version 0.0.4), served at {@code /_sigil/metrics}:
 * requests by operation and outcome, denials by operation and kind, and a latency histogram. Lock-free on the
 * request path.
 */
public final class Metrics {
    /** Latency bucket bounds in seconds. */
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    /** Counters by their two label values; the label text is built only when rendered, not per request. */
    private record Key(String first, String second) {
        // Written out: a record's own equals and hashCode are linked through invokedynamic
        // (java.lang.runtime.ObjectMethods) at their first call, several milliseconds of every server start
        // (sigil-bench's ColdStart).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(first, k.first) && Objects.equals(second, k.second);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(first) * 31 + Objects.hashCode(second);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Key, LongAdder> denials = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();

    public Metrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** @param outcome "success" or the AWS error code */
    public void request(String operation, String outcome, long nanos) {
        requests.computeIfAbsent(new Key(operation, outcome), k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets[i].increment();
        count.increment();
        sumMicros.add(nanos / 1000);
    }

    /** @param kind "explicit" or "implicit" */
    public void denial(String operation, String kind) {
        denials.computeIfAbsent(new Key(operation, kind), k -> new LongAdder()).increment();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP sigil_requests_total API requests by operation and outcome.\n");
        sb.append("# TYPE sigil_requests_total counter\n");
        labelled(requests, "outcome").forEach((k, v) -> sb.append("sigil_requests_total{").append(k).append("} ")
                .append(v).append('\n'));
        sb.append("# HELP sigil_denials_total Authorization denials by operation and kind.\n");
        sb.append("# TYPE sigil_denials_total counter\n");
        labelled(denials, "kind").forEach((k, v) -> sb.append("sigil_denials_total{").append(k).append("} ")
                .append(v).append('\n'));
        sb.append("# HELP sigil_request_duration_seconds API request latency.\n");
        sb.append("# TYPE sigil_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets[i].sum();
            sb.append("sigil_request_duration_seconds_bucket{le=\"").append(BOUNDS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += buckets[BOUNDS.length].sum();
        sb.append("sigil_request_duration_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        sb.append("sigil_request_duration_seconds_sum ").append(sumMicros.sum() / 1e6).append('\n');
        sb.append("sigil_request_duration_seconds_count ").append(count.sum()).append('\n');
        return sb.toString();
    }

    /** The counters with their label text, in label order. */
    private static Map<String, Long> labelled(Map<Key, LongAdder> counters, String secondLabel) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(label("operation", k.first()) + "," + label(secondLabel, k.second()),
                v.sum()));
        return out;
    }

    private static String label(String name, String value) {
        return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
