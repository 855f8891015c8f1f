package io.sigil.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's files: one JSON line per event, in the file of the event's UTC day, appended across restarts. */
class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static AuditEvent event(Instant at, String requestId) {
        return new AuditEvent(at, "iam.amazonaws.com", "GetUser", "us-east-1", "127.0.0.1", "test",
                Map.of("type", "Root"), Map.of("userName", "a\"b\nc"), null, null, null, requestId, "e-" + requestId,
                true, "123456789012", null);
    }

    private List<JsonNode> lines(String day) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("sigil-audit-" + day + ".jsonl"), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void eventsAroundMidnight_goToTheFileOfTheirOwnUtcDay() throws IOException {
        Instant before = Instant.parse("2026-11-30T23:59:59Z");
        Instant after = Instant.parse("2026-12-01T00:00:01Z");
        try (AuditLog log = new AuditLog(dir)) {
            log.record(event(before, "r1"));
            log.record(event(after, "r2"));
            log.record(event(before, "r3"));
        }

        assertThat(lines("2026-11-30")).extracting(n -> n.get("requestID").asText()).containsExactly("r1", "r3");
        assertThat(lines("2026-12-01")).extracting(n -> n.get("requestID").asText()).containsExactly("r2");
    }

    @Test
    void aRestartedLog_appendsToTheDaysFile_andEveryLineIsOneWholeJsonObject() throws IOException {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        try (AuditLog log = new AuditLog(dir)) {
            for (int i = 0; i < 500; i++) {
                log.record(event(at, "first-" + i));
            }
        }
        try (AuditLog log = new AuditLog(dir)) {
            log.record(event(at, "second"));
        }

        List<JsonNode> lines = lines("2026-12-01");
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0).get("requestParameters").get("userName").asText()).isEqualTo("a\"b\nc");
        assertThat(lines.get(500).get("requestID").asText()).isEqualTo("second");
    }

    @Test
    void anEvent_isInTheFileSoonAfterItIsRecorded_whileTheLogStaysOpen() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Path file = dir.resolve("sigil-audit-2026-12-01.jsonl");
        try (AuditLog log = new AuditLog(dir)) {
            log.record(event(at, "live"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((!Files.exists(file) || Files.size(file) == 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(lines("2026-12-01")).extracting(n -> n.get("requestID").asText()).containsExactly("live");
        }
    }
}
