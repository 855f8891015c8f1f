package io.sigil.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A keep-alive HTTP/1.1 connection on a blocking socket that sends one fixed request (the signed headers and body,
 * as bytes prepared once) and reads each response: status line, headers up to the blank line, then Content-Length
 * bytes of body. Only what the load test needs: no chunked bodies, no redirects.
 */
final class RawExchange implements LoadRun.Exchange {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;

    private RawExchange(Socket socket, byte[] request) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.request = request;
    }

    static RawExchange open(URI endpoint, String body, Map<String, List<String>> headers) {
        try {
            return new RawExchange(new Socket(endpoint.getHost(), endpoint.getPort()), request(endpoint, body, headers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole request, head and body, as the bytes sent on the wire. */
    static byte[] request(URI endpoint, String body, Map<String, List<String>> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST ").append(endpoint.getRawPath().isEmpty() ? "/"
                : endpoint.getRawPath()).append(" HTTP/1.1\r\n");
        headers.forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                vs.forEach(v -> head.append(k).append(": ").append(v).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    @Override
    public int send() throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the response");
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.substring(9, 12));
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
