package io.sigil.server.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sigil.server.protocol.IsoSeconds;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;

/**
 * Appends one JSON line per API call under {@code DATA_DIR/audit/}, one file per UTC day. Events are queued and
 * written by one background thread, so the request path never waits for the disk; {@link #close} drains the queue.
 * A null directory keeps nothing (ephemeral use in tests).
 */
public final class AuditLog implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int QUEUE_LIMIT = 100_000;
    private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int NAPS_BEFORE_SLEEP = 4;
    /**
     * The file's buffer: a batch under load is hundreds of events of about 1 KB, written with one system call per
     * 64 KB instead of per 8 KB (a default buffered writer's). The writes were over a fifth of the audit thread's CPU
     * in DispatchBenchmark's profile, most of it the kernel copying the bytes, which no buffer size saves.
     */
    private static final int FILE_BUFFER_BYTES = 1 << 16;

    private final Path dir;
    /**
     * Lock-free: request threads only append (a blocking queue's lock made them wait on each other under load,
     * sigil-bench's LoadGenerator with JFR's thread-park events). {@link #queued} bounds it.
     */
    private final Queue<AuditEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Set while the writer is about to sleep or sleeping, for {@link #record} to wake it. */
    private volatile boolean writerIdle;
    private final Thread writer;
    private volatile boolean closed;
    /** The open file of {@link #outDay}; used by the writer thread only. */
    private OutputStream out;
    private String outDay;

    public AuditLog(Path dir) {
        this.dir = dir;
        this.writer = new Thread(this::drain, "sigil-audit");
        this.writer.setDaemon(true);
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.start();
        }
    }

    public void record(AuditEvent e) {
        if (dir == null || closed) {
            return;
        }
        if (queued.incrementAndGet() > QUEUE_LIMIT) {
            queued.decrementAndGet(); // a full queue drops rather than stalls requests
            return;
        }
        queue.offer(e);
        if (writerIdle) {
            LockSupport.unpark(writer);
        }
    }

    /**
     * The writer's loop. After a batch it looks again every {@link #NAP_NANOS} without asking to be woken, so that
     * under load the request threads never unpark it (an unpark per call, a futex system call, was 6% of the
     * request threads' CPU in the load profile) and an event reaches the file within a few milliseconds; only after
     * {@link #NAPS_BEFORE_SLEEP} empty looks does it sleep until the next event wakes it.
     */
    private void drain() {
        int emptyLooks = 0;
        try {
            while (!closed || !queue.isEmpty()) {
                List<AuditEvent> batch = new ArrayList<>();
                AuditEvent e;
                while (batch.size() < 1000 && (e = queue.poll()) != null) {
                    batch.add(e);
                }
                if (batch.isEmpty() && emptyLooks < NAPS_BEFORE_SLEEP && !closed) {
                    emptyLooks++;
                    LockSupport.parkNanos(NAP_NANOS);
                    continue;
                }
                if (batch.isEmpty()) {
                    // Idle flag first, then look again: an event offered after the look sees the flag and unparks.
                    writerIdle = true;
                    if (queue.isEmpty() && !closed) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    }
                    writerIdle = false;
                    continue;
                }
                emptyLooks = 0;
                queued.addAndGet(-batch.size());
                try {
                    write(batch);
                } catch (IOException | RuntimeException ex) {
                    System.err.println("sigil: audit log write failed: " + ex.getMessage());
                }
            }
        } finally {
            closeFile();
        }
    }

    /**
     * Appends a batch, each event to the file of its own UTC day, and flushes it. The day's file stays open between
     * batches (only the writer thread touches it), so a steady trickle of calls does not open and close it each time.
     */
    private void write(List<AuditEvent> batch) throws IOException {
        try {
            for (AuditEvent e : batch) {
                writeJson(fileFor(IsoSeconds.day(e.eventTime())), e);
                out.write('\n');
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            closeFile(); // the next batch reopens the file
            throw e;
        }
    }

    private OutputStream fileFor(String day) throws IOException {
        if (!day.equals(outDay)) {
            closeFile();
            out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("sigil-audit-" + day + ".jsonl"),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), FILE_BUFFER_BYTES);
            outDay = day;
        }
        return out;
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // reopened for the next batch; the failure itself was reported by the write
            }
            out = null;
            outDay = null;
        }
    }

    /**
     * Writes the JSON object of one event to {@code out} as UTF-8, which stays open and unflushed: the batch flushes
     * once (a flush per event was a write system call per call, a quarter of the audit thread's CPU under load).
     */
    private static void writeJson(OutputStream out, AuditEvent e) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            g.writeStartObject();
            g.writeStringField("eventVersion", "1.08");
            g.writeObjectFieldStart("userIdentity");
            for (Map.Entry<String, String> i : e.identity().entrySet()) {
                g.writeStringField(i.getKey(), i.getValue());
            }
            g.writeEndObject();
            g.writeStringField("eventTime", IsoSeconds.of(e.eventTime()));
            g.writeStringField("eventSource", e.eventSource());
            g.writeStringField("eventName", e.eventName());
            g.writeStringField("awsRegion", e.awsRegion());
            g.writeStringField("sourceIPAddress", e.sourceIpAddress());
            g.writeStringField("userAgent", e.userAgent());
            if (e.errorCode() != null) {
                g.writeStringField("errorCode", e.errorCode());
                g.writeStringField("errorMessage", e.errorMessage());
            }
            g.writeFieldName("requestParameters");
            writeValue(g, e.requestParameters());
            g.writeFieldName("responseElements");
            writeValue(g, e.responseElements());
            g.writeStringField("requestID", e.requestId());
            g.writeStringField("eventID", e.eventId());
            g.writeBooleanField("readOnly", e.readOnly());
            g.writeStringField("eventType", "AwsApiCall");
            g.writeBooleanField("managementEvent", true);
            g.writeStringField("recipientAccountId", e.recipientAccountId());
            if (e.denial() != null) {
                g.writeStringField("sigilAuditDenial", e.denial());
            }
            g.writeEndObject();
        }
    }

    @SuppressWarnings("unchecked")
    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                g.writeFieldName(String.valueOf(en.getKey()));
                writeValue(g, en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        if (dir != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
