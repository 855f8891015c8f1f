package io.sigil.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput from a cold start on: starts {@code java [JVM option...] -jar sigil.jar serve --ephemeral --port 0}
 * (or a launcher, as {@link ColdStart} does) and sends the signed ListUsers call of {@link ColdStart} from N
 * connections, printing requests per second for each window. For judging JVM options that trade start-up work
 * for warm-up time (JIT thresholds): compare the curves, and the last windows for steady state. Usage:
 *
 * <pre>
 * java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.WarmUpCurve JAR|LAUNCHER WINDOWS SECONDS CONNECTIONS [JVM option...]
 * </pre>
 */
public final class WarmUpCurve {
    private static final Pattern READY = Pattern.compile("Sigil listening on (http://[^ ]+) ");

    private WarmUpCurve() {}

    public static void main(String[] args) throws Exception {
        String target = args[0];
        int windows = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        List<String> jvm = Arrays.asList(args).subList(4, args.length);
        List<String> command = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(command);
        if (target.endsWith(".jar")) {
            command.add("java");
            command.addAll(jvm);
            command.addAll(List.of("-jar", target));
        } else {
            command.add(target);
            pb.environment().put("SIGIL_JAVA_OPTS", String.join(" ", jvm));
        }
        command.addAll(List.of("serve", "--ephemeral", "--port", "0"));
        pb.environment().put("SIGIL_ROOT_ACCESS_KEY_ID", ColdStart.KEY_ID);
        pb.environment().put("SIGIL_ROOT_SECRET_ACCESS_KEY", ColdStart.SECRET);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = null;
            String line;
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
            for (int w = 1; w <= windows; w++) {
                LoadRun.Result r = LoadRun.run("window " + w, uri, "Action=ListUsers&Version=2010-05-08",
                        ColdStart.KEY_ID, ColdStart.SECRET, connections, Duration.ofSeconds(seconds));
                System.out.println(r);
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
