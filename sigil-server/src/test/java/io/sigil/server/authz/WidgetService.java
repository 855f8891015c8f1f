package io.sigil.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny AWS-compatible service for the tests: "widgets", signing name {@code widgets}, region us-west-2. It keeps
 * widgets (owner account and optional resource policy) in memory, serves {@code GET /widgets/NAME}
 * (widgets:GetWidget) and {@code PUT /widgets/NAME} (widgets:PutWidget), and for every request forwards the SigV4
 * pieces it received to Sigil's /_sigil/authorize, signed with its own Sigil key, and enforces the answer: 200 for
 * Allow, 403 AccessDenied with Sigil's reason for Deny, Sigil's error (code and status) for a bad signature.
 */
final class WidgetService implements AutoCloseable {
    static final String REGION = "us-west-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Widget(String owner, String policy) {}

    private final HttpServer http;
    private final URI sigil;
    private final Signing.Key serviceKey;
    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    /** The last answer Sigil gave, for the tests to look at. */
    volatile JsonNode lastAnswer;

    WidgetService(URI sigil, Signing.Key serviceKey) {
        this.sigil = sigil;
        this.serviceKey = serviceKey;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/widgets/", this::serve);
        http.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    void put(String name, String owner, String policy) {
        widgets.put(name, new Widget(owner, policy));
    }

    static String arn(String owner, String name) {
        return "arn:aws:widgets:" + REGION + ":" + owner + ":widget/" + name;
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String name = ex.getRequestURI().getPath().substring("/widgets/".length());
            Widget w = widgets.get(name);
            if (w == null) {
                reply(ex, 404, "NoSuchWidget");
                return;
            }
            String action = ex.getRequestMethod().equals("GET") ? "widgets:GetWidget" : "widgets:PutWidget";
            ObjectNode q = JSON.createObjectNode();
            ObjectNode request = q.putObject("request");
            request.put("method", ex.getRequestMethod());
            request.put("path", ex.getRequestURI().getRawPath());
            request.put("query", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            ObjectNode headers = request.putObject("headers");
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                h.getValue().forEach(v -> headers.withArray(h.getKey()).add(v));
            }
            request.put("bodySha256", sha256Hex(body));
            q.put("action", action);
            q.put("resource", arn(w.owner(), name));
            q.put("resourceAccount", w.owner());
            if (w.policy() != null) {
                q.put("resourcePolicy", w.policy());
            }
            q.put("sourceIp", ex.getRemoteAddress().getAddress().getHostAddress());
            q.put("secureTransport", false);
            HttpResponse<String> answer = Signing.send("POST", sigil.resolve("/_sigil/authorize"),
                    JSON.writeValueAsBytes(q), "application/json", serviceKey, "sigil", "us-east-1");
            JsonNode a = JSON.readTree(answer.body());
            lastAnswer = a;
            if (answer.statusCode() != 200) {
                // Sigil could not decide (bad signature, bad question): pass AWS's code and status on.
                String code = answer.headers().firstValue("x-amzn-ErrorType").orElse("InternalFailure");
                reply(ex, answer.statusCode(), code + ": " + a.path("message").asText());
                return;
            }
            if (a.path("decision").asText().equals("Allow")) {
                reply(ex, 200, "widget " + name);
            } else {
                ex.getResponseHeaders().add("x-encoded-message", a.path("encodedMessage").asText());
                reply(ex, 403, "AccessDenied: " + a.path("reason").asText());
            }
        }
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static String sha256Hex(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
