package io.sigil.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete response: status, content type, extra headers and body. */
public record HttpReply(int status, String contentType, Map<String, String> headers, byte[] body) {
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public static HttpReply json(int status, String json) {
        return new HttpReply(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpReply text(int status, String contentType, String body) {
        return new HttpReply(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
