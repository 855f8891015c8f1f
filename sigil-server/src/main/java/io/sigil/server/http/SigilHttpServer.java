package io.sigil.server.http;

import io.sigil.server.sigv4.Header;
import io.sigil.server.sigv4.Headers;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jetty 12 (core handlers, no servlets) in front of Sigil's endpoints. Routes {@code /_sigil/*} to the admin
 * endpoints (exact paths, or a prefix registered as {@code "GET /_sigil/x/*"}), the REST-JSON operations by method
 * and path (Access Analyzer's {@code POST /policy/validation}), and everything else to the AWS Query API. Enforces
 * {@link HttpLimits} before the API sees a request: header size and idle timeout in the connector, body size while
 * reading. Never sends Jetty's version, nor its HTML error pages ({@link EdgeErrors}).
 */
public final class SigilHttpServer implements AutoCloseable {
    /** Jetty's setting for the padding of its queues (org.eclipse.jetty.util.MemoryUtils). */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        presetReferencesPerCacheLine();
    }

    private final Server server;
    private final ScheduledThreadPoolExecutor timers;
    private final ServerConnector connector;
    private final Dispatch dispatch;

    /** A server with its routes given at once (no REST-JSON operations), as sigil-bench's floor uses it. */
    public SigilHttpServer(String bindHost, int port, HttpLimits limits, Map<String, Endpoint> adminRoutes,
                           ApiEndpoint api) {
        this(bindHost, port, limits);
        open(adminRoutes, Map.of(), api);
    }

    /**
     * A server without its routes yet: it may {@link #start} at once, and a request that arrives before
     * {@link #open} waits for it. The composition root starts Jetty this way on a second thread while it opens the
     * store and builds the modules, so that the two overlap on a start (sigil-bench's ColdStart measures it).
     */
    public SigilHttpServer(String bindHost, int port, HttpLimits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000, -1, null, null, numberedThreads("sigil-http-"));
        threads.setName("sigil-http");
        // Jetty's timer thread (idle timeouts), started at the first connection, from Sigil's factory too; Jetty
        // leaves a scheduler it was given running, so close() shuts it down. Cancelled timeouts leave its queue at
        // once, as in Jetty's own.
        timers = new ScheduledThreadPoolExecutor(1, numberedThreads("sigil-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        server = new Server(threads, new ScheduledExecutorScheduler(timers), null);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(limits.maxHeaderBytes());
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(bindHost);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        dispatch = new Dispatch(limits);
        server.setHandler(dispatch);
        server.setErrorHandler(dispatch.errors);
        server.setStopTimeout(2_000);
    }

    /**
     * Threads named {@code prefix} and a number, for the request pool and the timer. Jetty's own factories name
     * them with string concatenations compiled to invokedynamic, whose first link of each shape spins and loads
     * method-handle classes at every start, the timer's in the first request (sigil's own code compiles
     * concatenation inline: see the parent pom).
     */
    private static ThreadFactory numberedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + count.incrementAndGet());
            t.setDaemon(false); // as Jetty's own (a thread inherits the daemon flag of the one that starts it)
            return t;
        };
    }

    /**
     * Gives the routes; requests that were waiting for them go on. Once only.
     *
     * @param restRoutes REST-JSON operations by {@code "METHOD /path"}; each renders the edge's refusals in its own
     *                   error shape
     */
    public void open(Map<String, Endpoint> adminRoutes, Map<String, ApiEndpoint> restRoutes, ApiEndpoint api) {
        dispatch.open(new Routes(Map.copyOf(adminRoutes), Map.copyOf(restRoutes), api));
    }

    /**
     * Jetty pads its queues to a cache line; to know how many references fill one it asks the platform MBean
     * server whether UseCompressedOops is on, unless {@value #REFERENCES_PER_CACHE_LINE} is set. Starting the
     * MBean server costs more of the start-up than the rest of Jetty. This sets the same number from the JVM
     * directly (the size of an array slot is 4 bytes exactly when oops are compressed), unless the user set it;
     * if the JVM does not tell, Jetty asks JMX as before.
     */
    static void presetReferencesPerCacheLine() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        try {
            int referenceBytes = Class.forName("sun.misc.Unsafe").getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
            int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            if (referenceBytes == 4 || referenceBytes == 8) {
                System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(cacheLineBytes / referenceBytes));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // leave it to Jetty
        }
    }

    public void start() throws Exception {
        server.start();
    }

    /**
     * Jetty's classes that only the first connection and its first request initialise, in the order they do. Their
     * static initialisers build header and token tables, and link string concatenations compiled to invokedynamic,
     * whose first link of each shape spins and loads method-handle classes: about a third of the first request's
     * time in a cold start (sigil-bench's ColdStart, -Xlog:class+init).
     */
    static final List<String> FIRST_CONNECTION_CLASSES = List.of(
            "org.eclipse.jetty.server.internal.HttpConnection", "org.eclipse.jetty.http.HttpGenerator",
            "org.eclipse.jetty.http.DateGenerator", "org.eclipse.jetty.http.HttpStatus",
            "org.eclipse.jetty.server.internal.HttpChannelState", "org.eclipse.jetty.http.HttpParser",
            "org.eclipse.jetty.http.HttpTokens", "org.eclipse.jetty.server.HttpStream",
            "org.eclipse.jetty.http.HttpURI$Mutable", "org.eclipse.jetty.server.Request",
            "org.eclipse.jetty.http.ComplianceUtils", "org.eclipse.jetty.http.QuotedCSVParser",
            "org.eclipse.jetty.io.Content$Chunk");

    /**
     * Initialises {@link #FIRST_CONNECTION_CLASSES} ahead of the first client. The composition root calls it on its
     * start thread once Jetty has started, while the main thread still builds the rest, so that the first request
     * finds them ready; if that request comes first, the JVM lets it wait for an initialisation in progress rather
     * than do it twice. A class that a later Jetty no longer has is skipped.
     */
    public static void prepareFirstConnection() {
        ClassLoader loader = SigilHttpServer.class.getClassLoader();
        for (String name : FIRST_CONNECTION_CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the first connection initialises what it needs itself
            }
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    /**
     * Stops accepting, lets in-flight requests finish for up to the stop timeout, then closes what is left: a
     * connection that does not drain in time is not an error worth failing a shutdown for.
     */
    @Override
    public void close() throws Exception {
        dispatch.close();
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // graceful stop timed out; Jetty has closed the remaining connections
        } finally {
            timers.shutdownNow();
        }
    }

    /**
     * A header value as the UTF-8 text its bytes spell, when they do. Jetty hands values over one char per byte
     * (ISO-8859-1), but SigV4 signs the bytes sent, and a client that sends anything but ASCII sends UTF-8 (the
     * canonical request is hashed as UTF-8); so does what the audit log and error messages echo. Bytes that are
     * not UTF-8 stay as Jetty read them.
     */
    static String utf8(String value) {
        if (value == null) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // not one char per byte: nothing to redecode
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /** What the server answers: admin endpoints, REST-JSON operations, and the Query API for everything else. */
    private record Routes(Map<String, Endpoint> admin, Map<String, ApiEndpoint> rest, ApiEndpoint api) {
    }

    private static final class Dispatch extends Handler.Abstract {
        /** The longest body read (and dropped) only so that its 413 reaches the client. */
        static final long DRAIN_LIMIT = 16L * 1024 * 1024;

        private final HttpLimits limits;
        /** Null until {@link #open}; a request that finds it null waits on {@link #opened}. */
        private volatile Routes routes;
        private final CountDownLatch opened = new CountDownLatch(1);
        /** Jetty's refusals and this handler's own failures, in AWS's error shape. */
        final EdgeErrors errors;

        Dispatch(HttpLimits limits) {
            this.limits = limits;
            this.errors = new EdgeErrors(this::api, limits);
        }

        void open(Routes r) {
            if (routes != null) {
                throw new IllegalStateException("the routes are given once");
            }
            routes = r;
            opened.countDown();
        }

        /** The Query API once the routes are given, else null (for {@link EdgeErrors}). */
        ApiEndpoint api() {
            Routes r = routes;
            return r == null ? null : r.api();
        }

        /** Releases requests still waiting for routes that will not come (a start that failed): they get 503. */
        void close() {
            opened.countDown();
        }

        /** The routes, after waiting for them if the server started first; null when it closed before. */
        private Routes routes() {
            Routes r = routes;
            if (r != null) {
                return r;
            }
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            HttpReply reply;
            try {
                Routes r = routes();
                reply = r == null ? errors.reply(request, 503, null) : route(r, request);
            } catch (RuntimeException e) {
                reply = errors.reply(request, 500, null);
            }
            send(reply, response, callback);
            return true;
        }

        private HttpReply route(Routes r, Request request) {
            String path = request.getHttpURI().getDecodedPath();
            Headers headers = headers(request);
            String rawQuery = request.getHttpURI().getQuery();
            String remote = Request.getRemoteAddr(request);
            boolean secure = request.isSecure();
            String method = request.getMethod();
            String rawPath = request.getHttpURI().getPath();
            if (path != null && path.startsWith("/_sigil/")) {
                Endpoint e = r.admin().get(method + " " + path);
                if (e == null) {
                    e = prefixRoute(r.admin(), method + " " + path);
                }
                if (e == null) {
                    return HttpReply.json(404, "{\"error\":\"not found\"}");
                }
                byte[] body = new byte[0];
                if ("POST".equals(method)) {
                    Body read = readWithinLimit(request);
                    if (read.refusal() == 400) {
                        return HttpReply.json(400, "{\"error\":\"the request body could not be read\"}");
                    }
                    if (read.refusal() == 413) {
                        return HttpReply.json(413, "{\"error\":\"the request body exceeds the maximum of "
                                + limits.maxBodyBytes() + " bytes\"}");
                    }
                    body = read.bytes();
                }
                return e.handle(new HttpCall(method, rawPath, rawQuery == null ? "" : rawQuery, headers, body,
                        remote, secure));
            }
            HttpCall head = new HttpCall(method, rawPath, rawQuery == null ? "" : rawQuery, headers, new byte[0],
                    remote, secure);
            ApiEndpoint target = path == null ? null : r.rest().get(method + " " + path);
            if (target != null) {
                return readAndHandle(request, head, target);
            }
            Body read = readWithinLimit(request);
            if (read.refusal() == 413) {
                return r.api().refuse(head, 413, "RequestEntityTooLarge", tooLarge());
            }
            if (read.refusal() == 400) {
                return r.api().refuse(head, 400, "MalformedQueryString", "The request body could not be read.");
            }
            HttpCall call = new HttpCall(method, rawPath, head.rawQuery(), headers, read.bytes(), remote, secure);
            if (countParameters(call) > limits.maxParameters()) {
                return r.api().refuse(call, 400, "InvalidParameterValue",
                        "The request has more than " + limits.maxParameters() + " parameters.");
            }
            return r.api().handle(call);
        }

        /** A REST-JSON operation: the body within the limit, else the operation's own refusal. */
        private HttpReply readAndHandle(Request request, HttpCall head, ApiEndpoint target) {
            Body read = readWithinLimit(request);
            if (read.refusal() == 413) {
                return target.refuse(head, 413, "RequestEntityTooLarge", tooLarge());
            }
            if (read.refusal() == 400) {
                return target.refuse(head, 400, "SerializationException", "The request body could not be read.");
            }
            return target.handle(new HttpCall(head.method(), head.rawPath(), head.rawQuery(), head.headers(),
                    read.bytes(), head.remoteAddress(), head.secure()));
        }

        private String tooLarge() {
            return "Request body exceeds the maximum of " + limits.maxBodyBytes() + " bytes.";
        }

        /** A request body within the limit, or why there is none: 413 (too large) or 400 (unreadable). */
        private record Body(byte[] bytes, int refusal) {
        }

        /**
         * The body, read only when it fits: one rule for the admin, REST-JSON and Query routes. A body refused for
         * its declared length is drained first (see {@link #drain}).
         */
        private Body readWithinLimit(Request request) {
            if (request.getLength() > limits.maxBodyBytes()) {
                drain(request);
                return new Body(null, 413);
            }
            try {
                byte[] body = readBody(request, limits.maxBodyBytes());
                return body == null ? new Body(null, 413) : new Body(body, 0);
            } catch (IOException e) {
                return new Body(null, 400);
            }
        }

        /** A route registered as {@code "METHOD /prefix/*"} that this method and path fall under, or null. */
        private static Endpoint prefixRoute(Map<String, Endpoint> admin, String methodAndPath) {
            for (Map.Entry<String, Endpoint> r : admin.entrySet()) {
                String key = r.getKey();
                if (key.endsWith("/*") && methodAndPath.startsWith(key.substring(0, key.length() - 1))) {
                    return r.getValue();
                }
            }
            return null;
        }

        /**
         * Reads and drops the body of a request refused for its declared length, when that is at most
         * {@link #DRAIN_LIMIT}: a client still sending its body then reads the 413 instead of meeting a reset
         * connection (RFC 9112, section 9.6: a server that closes early may lose its response). Longer bodies are
         * not read; the connection is closed after the answer.
         */
        private static void drain(Request request) {
            long left = request.getLength();
            if (left > DRAIN_LIMIT) {
                return;
            }
            try {
                InputStream in = Content.Source.asInputStream(request);
                byte[] buffer = new byte[16 * 1024];
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    left -= n;
                }
            } catch (IOException e) {
                // the client gave up; the answer goes out or not, as the connection allows
            }
        }

        /** The body, or null when it is longer than {@code max}. */
        private static byte[] readBody(Request request, int max) throws IOException {
            long declared = request.getLength();
            try (InputStream in = Content.Source.asInputStream(request)) {
                if (declared >= 0 && declared <= max) {
                    // Read into an array of the declared size: readNBytes(int) starts with an 8 KB buffer whatever
                    // the body's size, over a third of a signed GetUser's byte arrays (a fifth of all it allocated)
                    // in the load profile.
                    byte[] body = new byte[(int) declared];
                    int n = in.readNBytes(body, 0, body.length);
                    return n == body.length ? body : Arrays.copyOf(body, n);
                }
                byte[] body = in.readNBytes(max + 1);
                return body.length > max ? null : body;
            }
        }

        /** Parameters counted as '&'-separated fields of the query and the form body, before any decoding. */
        private static int countParameters(HttpCall call) {
            return fields(call.rawQuery()) + fields(new String(call.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        private static int fields(String s) {
            if (s == null || s.isEmpty()) {
                return 0;
            }
            int n = 1;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '&') {
                    n++;
                }
            }
            return n;
        }

        private static Headers headers(Request request) {
            List<Header> fields = new ArrayList<>();
            for (HttpField f : request.getHeaders()) {
                fields.add(new Header(f.getName(), utf8(f.getValue())));
            }
            return Headers.of(fields);
        }
    }

    /** Writes a whole reply: the dispatcher's answers and {@link EdgeErrors}' refusals alike. */
    static void send(HttpReply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
