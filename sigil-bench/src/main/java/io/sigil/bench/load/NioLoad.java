package io.sigil.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * All connections on one thread with a selector, as wrk drives its connections: each connection sends the same
 * prepared request, waits for the whole response (by its Content-Length), records the latency and sends again.
 * With the client on the same two cores as the server, one client thread instead of one per connection keeps the
 * client's own scheduling out of the tail: 32 blocking client threads are 32 more threads for the OS to share two
 * cores among.
 */
final class NioLoad {
    /** Latencies in microseconds of the requests answered before the end, and how many failed. */
    record Outcome(long[] latencies, int count, long errors) {
    }

    private static final class Conn {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        final ByteBuffer out;
        long sentAt;

        Conn(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.out = ByteBuffer.wrap(request);
        }
    }

    private NioLoad() {}

    static Outcome run(URI endpoint, byte[] request, int connections, long endNanos) throws IOException {
        long[] lat = new long[1 << 16];
        int n = 0;
        long errors = 0;
        int open = connections;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn(ch, request);
                SelectionKey key = ch.register(selector, 0, c);
                send(key, c);
            }
            while (open > 0) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isWritable()) {
                            write(key, c);
                            continue;
                        }
                        int status = read(c);
                        if (status == 0) {
                            continue;
                        }
                        long now = System.nanoTime();
                        if (status != 200) {
                            errors++;
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = (now - c.sentAt) / 1000;
                        if (now < endNanos) {
                            send(key, c);
                        } else {
                            key.cancel();
                            c.channel.close();
                            open--;
                        }
                    } catch (IOException e) {
                        errors++;
                        key.cancel();
                        c.channel.close();
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        return new Outcome(lat, n, errors);
    }

    private static void send(SelectionKey key, Conn c) throws IOException {
        c.out.rewind();
        c.in.clear();
        c.sentAt = System.nanoTime();
        write(key, c);
    }

    private static void write(SelectionKey key, Conn c) throws IOException {
        c.channel.write(c.out);
        key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what has arrived; the response's status once it is complete, else 0. */
    private static int read(Conn c) throws IOException {
        if (!c.in.hasRemaining()) {
            c.in = ByteBuffer.allocate(c.in.capacity() * 2).put(c.in.flip());
        }
        if (c.channel.read(c.in) < 0) {
            throw new IOException("connection closed");
        }
        byte[] a = c.in.array();
        int len = c.in.position();
        int headEnd = -1;
        for (int i = 3; i < len; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) {
            return 0;
        }
        String head = new String(a, 0, headEnd, StandardCharsets.ISO_8859_1);
        int at = head.toLowerCase(Locale.ROOT).indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("no Content-Length in the response");
        }
        int eol = head.indexOf('\r', at + 2);
        int length = Integer.parseInt(head.substring(at + "\r\ncontent-length:".length(), eol).trim());
        return len >= headEnd + length ? Integer.parseInt(head.substring(9, 12)) : 0;
    }
}
