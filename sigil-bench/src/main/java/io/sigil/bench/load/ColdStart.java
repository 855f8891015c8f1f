package io.sigil.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start: from exec of {@code java -jar sigil.jar serve --ephemeral --port 0} to the first answered signed
 * call (a SigV4-signed ListUsers by the fixed root key), over several runs; the first run also pays for the OS
 * page cache. Usage: {@code java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.ColdStart
 * sigil-server/target/sigil.jar [runs]}
 */
public final class ColdStart {
    private static final Pattern READY = Pattern.compile("Sigil listening on (http://[^ ]+) ");

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "sigil-server/target/sigil.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int i = 0; i < runs; i++) {
            System.out.printf("run %d: %d ms to the first answered signed call%n", i + 1, once(jar));
        }
    }

    static long once(String jar) throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-jar", jar, "serve", "--ephemeral", "--port", "0");
        pb.environment().put("SIGIL_ROOT_ACCESS_KEY_ID", "AKIACOLDSTART0000001");
        pb.environment().put("SIGIL_ROOT_SECRET_ACCESS_KEY", "coldStartSecret0000000000000000000000000");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String endpoint = null;
            while (endpoint == null && (line = out.readLine()) != null) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    endpoint = m.group(1);
                }
            }
            if (endpoint == null) {
                throw new IllegalStateException("the server did not print its ready line");
            }
            URI uri = URI.create(endpoint + "/");
            String body = "Action=ListUsers&Version=2010-05-08";
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
            Signer.sign(uri, body, "AKIACOLDSTART0000001", "coldStartSecret0000000000000000000000000")
                    .forEach((k, vs) -> {
                        if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                            vs.forEach(v -> b.header(k, v));
                        }
                    });
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("first call answered " + r.statusCode() + ": " + r.body());
            }
            return ms;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
