package io.sigil.bench.load;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start: from exec of {@code java -jar sigil.jar serve --ephemeral --port 0} to the first answered
 * SigV4-signed call, over several runs, with the medians. Usage:
 *
 * <pre>
 * java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.ColdStart sigil-server/target/sigil.jar [runs] [JVM option...]
 * java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.ColdStart ./sigil [runs] [JVM option...]
 * java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.ColdStart --restart ./sigil [runs] [JVM option...]
 * java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.ColdStart --java [--restart] ./sigil [runs] [JVM option...]
 * </pre>
 *
 * <p>{@code --java} measures from the exec of {@code java} itself, as the issue defines a cold start: it asks the
 * launcher once for the java command line it would run ({@code SIGIL_PRINT_JAVA_COMMAND=1}: its java, options,
 * caches and {@code -jar}), then execs that in each run, so that the launcher's own work (bash, its staleness check)
 * is left out. Without it, runs start at the exec of the launcher.
 *
 * <p>Given a {@code .jar}, it runs {@code java [JVM option...] -jar JAR serve ...} (no options: exactly the
 * command above). Given anything else, it runs that as the launcher ({@code ./sigil serve ...}) with the JVM
 * options in {@code SIGIL_JAVA_OPTS}, so that the launcher's own choices count (its class-data-sharing archive,
 * the extracted SQLite library and its JIT thresholds; see the comment at the top of {@code ./sigil}). With
 * {@code -Dsigil.startup.trace} the server prints the time of each phase of its start, and the probe echoes it.
 *
 * <p>The signed call is IAM {@code ListUsers} with the root key fixed through the environment. It counts as
 * answered when the server verified the signature and answered in AWS's shape: 200, or an {@code <ErrorResponse>}
 * whose code is neither a SigV4 rejection nor an internal failure (so that an operation without a handler, which
 * answers 400 InvalidAction only after verification and decoding, would still be measured). The answer is printed
 * with each run. The probe speaks HTTP/1.1, as AWS clients do, and loads and runs its own signer and HTTP client
 * (200 calls, then a second to settle) before the first run, so that neither its class loading nor its JIT
 * competes with the server for the two cores.
 *
 * <h2>Figures</h2>
 * 2-core VM, JDK 17.0.15, median of 5, each run started only after the machine was 90% idle for 2 s (other
 * builds ran on it; the CPU column, user+system time of the server up to the answer, varies much less than the
 * wall clock). Phases from {@code -Dsigil.startup.trace}, in ms; "exec" is exec to the composition root.
 * <pre>
 *                                 first  ready   CPU   exec  store  bootstrap  modules  protocol  jetty
 * before (7a1c9a4), java -jar      1738   1640   3040   230   524     71        55       535      198
 * after (0dca81c), java -jar       1256   1132   2130    80   551     82       163        21      161
 * after (0dca81c), ./sigil serve    712    634   1110   100   300     31        21        10       91
 * </pre>
 * The code grew in between: 5 migrations instead of 1, 21 API modules instead of 5. On the code of e563164
 * (1 migration, 5 modules) {@code ./sigil serve} answered in 569 ms.
 *
 * <p>Ten migrations later (issue 4), {@code ./sigil serve} only, median of 18 rounds in which the two builds ran in
 * turn, one run each, each run started after the machine was 90% idle for 2 s (all 36 were). "dispatcher" is its
 * own phase now.
 * <pre>
 *                                 first  ready   CPU   exec  store  bootstrap  modules  protocol  dispatcher  jetty
 * main (9f4cdbc)                   1077   1008   1780   130   428     38        153       11         92         94
 * cold (42c2bd7, main merged)       649    560    995   120   104     52         56       22         18        135
 * </pre>
 * (An earlier series on a busy machine, 9 rounds: 1696 ms for the base of this work, 8498339, 650 for cold.) What
 * changed: Flyway is no longer on the start path when it has nothing to decide (store: a fresh SQLite file gets the
 * bundled scripts and Flyway's own history rows with plain JDBC, an up-to-date one costs one SELECT; see the store's
 * {@code Migrations}); the OIDC fetcher's HttpClient, which loaded the JDK's trust store and started a selector
 * thread, is built at its first fetch (modules); the STS signing regions come from the SDK's partition pattern
 * instead of region metadata, which initialised the endpoint metadata of every AWS service, ~400 classes
 * (dispatcher). Jetty's phase grew because work Flyway used to do first (the JDK's locale data) now falls to it.
 * What remains: the launcher, the JVM and the 32 MB jar (exec, ~120), the SQLite driver's first connection (its
 * date formats initialise the JDK's locale data, ~60, its native library, ~20) and the migration itself (~25),
 * Jetty's MIME tables with the JDK's locale list (~60 of jetty), the bootstrap's AES-GCM and JCA provider list
 * (~30), the first call itself (~90). Tried and dropped: {@code -Djava.locale.providers=CLDR} (no gain),
 * {@code -XX:+UseSerialGC} (within the noise, ~5%, and it would change the steady-state collector; adopted in the
 * third session, below, when it also made GetUser cheaper under load).
 * {@code -XX:TieredStopAtLevel=1} saves 100-180 ms and ~250 ms of CPU now, because C2 still compiles dozens of JDK
 * methods (String hashing, zip, HashMap) during a start, but it halves steady-state throughput
 * ({@link WarmUpCurve}).
 *
 * <p>Third session (issue 4), {@code ./sigil serve}, medians of 10 rounds in which the two builds ran in turn:
 * <pre>
 *                                 first  ready   CPU
 * 4a2b4b9 (start of the session)    653    577   1010
 * b8581b5 (end of the session)      587    509    930
 * the same, --restart (7 runs)      508    441    820
 * </pre>
 * {@code --restart} (first argument) starts on one data directory again and again instead of a fresh
 * {@code --ephemeral} one: no migration and no bootstrap to write, as when a server restarts. Each change was
 * measured alone against the build before it, in alternating rounds (first answered call, ms): Jetty started on a
 * second thread while the store opens, 508 -> 442 (8 rounds); string concatenation compiled without
 * invokedynamic, 571 -> 518 (10); the JDK's crypto providers loaded on that second thread, 602 -> 555 (10); the
 * serial collector on two cores, 550 -> 489 (8); the SQLite driver's clean-up listing the library cache instead of
 * /tmp, 635 -> 599 (10). The rounds' medians moved by 100 ms or more between series as the VM's host did, and the
 * gains do not add up: the two cores are already busy (the JIT compilers take a third of a start's CPU, the main
 * thread a third). Tried and dropped: sixteen times HotSpot's C2 counts, 577 -> 486, but slower for the first
 * minutes under load (see {@code ./sigil}); the JDK's calendar data loaded on the second thread (no gain).
 *
 * <p>Fourth session (issue 4), medians of 16 rounds in which the four runs took turns (--java: from the exec of
 * java with the launcher's options; launcher: from the exec of {@code ./sigil}); "before" is c4ede6e, the start of
 * the session, with its own launcher. The VM was in one of its slow phases: in fast ones the same build answered in
 * 376-422 ms (--java, 8-12 rounds).
 * <pre>
 *                                 first  ready   CPU
 * before (c4ede6e), --java          603    515    995
 * after, --java                     478    409    765
 * before (c4ede6e), launcher        645    560   1030
 * after, launcher                   513    435    770
 * </pre>
 * On the final code, 12 rounds: --java 557 -> 454 ms (CPU 945 -> 730), launcher 596 -> 502; and {@code --restart}
 * (a data directory that exists), --java, 8 rounds: 514 -> 400 ms (CPU 845 -> 650).
 * What changed, in the order of its effect. On JDK 17-20 the server uses the JDK's legacy locale data (COMPAT)
 * unless {@code java.locale.providers} is set: Jetty's {@code MimeTypes} lists every available locale and the SQLite
 * driver's date format builds a {@code Calendar}, and CLDR has ~800 locale tags to parse in the interpreter
 * (585 -> 506 ms, CPU 935 -> 760, 8 rounds). Then work that every start did for nothing: a generated
 * {@code java.lang.reflect.Proxy} (now a plain class), a policy compiled in a static field for trust checks only,
 * a {@code System.Logger} and three slf4j loggers looked up in static fields, picocli's {@code CommandLine} loaded
 * from the jar (not archivable, class file version 49) because the launcher reflects on the main class's methods,
 * the first {@code ObjectMethods} bootstrap of a record's hashCode (four records write theirs out). Each was 5-10 ms
 * of the main thread in async-profiler profiles; together 448 -> 400 ms (10 rounds, against the COMPAT commit).
 * The launcher forks less before java (no readlink, dirname or cat, the processor count from /proc): its script
 * takes 13-15 ms after bash starts.
 *
 * <p>Tried and dropped this session: preparing the SQLite driver (native library, date formats) on a third thread
 * from the start, 503 -> 524 ms (10 rounds: no idle core to run it on); C1 thresholds at 0.5, 2, 4 and 10 times
 * HotSpot's (no difference beyond the noise); compiler threads at a lower OS priority (none);
 * {@code -XX:-ProfileInterpreter}, 470 -> 441 ms, but in alternating LoadGenerator runs GetUser then took 83-89 us
 * of CPU against 73-76 and its p99 was 4.7-5.8 ms against 4.3-4.7; {@code -XX:ArchiveRelocationMode=0} saves the
 * ~20 ms the JVM spends relocating the archive, but it undoes a JDK security fix (archives at a random address);
 * registering the API handlers without a lambda each (the linkage of ~200 method references): with only one
 * module registered, an upper bound, 408 -> 392 ms, too little for a dispatch table written by hand.
 * What remains, by async-profiler's CPU samples of a start: the JIT compilers ~40% (C1 alone ~30%, a quarter of
 * its methods java.lang.invoke's, for lambdas and Jetty's string concatenation), the second thread ~18% (the JDK's
 * crypto providers and Jetty), the main thread ~35%, the first call ~9%.
 *
 * <p>Fifth session (issue 4), --java. The VM's speed drifted by up to 1.5x within minutes, so the figures are
 * paired: each round runs the builds in turn, and "paired" is the median of the per-round differences (how many
 * rounds the newer build won in brackets). Final code (9102406) against fd5c04b, the start of the session:
 * <pre>
 *                                   first (medians)   paired      CPU (medians)
 * --ephemeral, 20 rounds             464 -> 428       -43.5 (16)   745 -> 690   (a build before the last change)
 * --ephemeral, 20 rounds             482 -> 464       -23   (13)   785 -> 695   (final, a noisier phase)
 * --restart, 14 rounds               436 -> 411       -16.5 (11)   685 -> 650   (a build before the last change)
 * --restart, 14 rounds               450 -> 443       -28.5  (9)   715 -> 655   (final)
 * launcher, 10 rounds                477 -> 445       -40    (7)   730 -> 690   (final)
 * </pre>
 * The fastest runs of the final code answered in 313-340 ms. What changed, each measured against the build before
 * it: a static class-data-sharing archive instead of a dynamic one on top of the JDK's (the dump pre-generates the
 * method-handle forms the training run linked, and one archive is mapped instead of two; 546 -> 511 ms, 10 rounds);
 * Jetty's per-connection classes initialised on the start thread once Jetty is up (their static initialisers link
 * invokedynamic string concatenations, whose first link of each shape spins method-handle classes), the request
 * and timer threads named by Sigil's own thread factory (Jetty's links such a concatenation, the timer's in the
 * first request), the dispatchers' java.util.logging loggers looked up only at a failure, and {@code --ephemeral}'s
 * scratch SQLite file without fsync (together 476 -> 453, 14 rounds; the timer alone -9 paired); on JDK 17-21, the
 * JDK's SunJCE provider listed before SunEC, so that the start's AES-GCM and HMAC lookups no longer load SunEC
 * through a ServiceLoader that instantiated up to five other providers on its way, a different number in each run
 * (-7.5 paired, CPU -10, 20 rounds; see {@code Main}).
 *
 * <p>Tried and dropped this session, paired: the Query protocol's tables read on the start thread instead of the
 * main one (+18 ms), the SQLite driver loaded first on the main thread while the start thread seeds the random
 * generator (-0.5), {@code -cp} instead of {@code -jar} (+14: the jar's central directory is read once either way),
 * compiler threads at a lower OS priority (-15 median, -0.7 mean: noise), C1 with less inlining (-10.5, +0.2 mean).
 * The API handlers registered without a method reference each, upper bound measured with one module registered:
 * -10.5 paired, CPU -15, not worth a dispatch table written by hand. C1's thresholds at 2, 4 and 8 times HotSpot's
 * did cut the start: -18, -38 and -50 ms paired, CPU -40 to -105 (C1 compiles ~620 methods in a start, 0.44 ms
 * each); but {@link WarmUpCurve} (8 connections, 1 s windows, two runs each) served 25% fewer requests in the first
 * three seconds with four times, so a test suite that starts a server and calls it at once would lose more than the
 * start gains. What remains, by CPU: the JVM's own start (~65 ms: relocating the 33 MB archive ~22, the module
 * graph ~19, which JDK 17 archives for G1 only), the JIT (C1 ~200-250 ms, C2 ~60-70 ms), the main thread's store
 * (SQLite's date formats and time zone ~10, the migrations ~15, the first connection and its native library ~10) and
 * Query tables (~10), Jetty on the start thread (~60, a fifth of it its MimeTypes listing every locale), and the first
 * request (~40, most of it Jetty's first connection and its own first run).
 *
 * <p>Sixth session (issue 4), --java, paired as above. A wall-clock profile of the first calls after a start found
 * the second call slower than the first: three records that {@code LatestPerKey.merge} compares on the request path
 * linked {@code ObjectMethods} at their first equals or hashCode (an IAM user's first call, anyone's second);
 * written out, the second call fell from 21-38 ms to 7-10 ms (client-side, 3 runs each). The first call, which
 * these figures time, does not reach them.
 *
 * <p>Tried and dropped this session, paired: Jetty's connector without an acceptor thread (the selector accepts;
 * the acceptor names itself with {@code String.format}), against b1df98b, --ephemeral, four series of 14-20 rounds:
 * -5.5, -3.5, -33.5 and +6 ms (CPU -15, -20, -35, +5), --restart, three series of 12-20 rounds: +17.5, +20.5
 * and -1 (the time from the ready line to the answer unchanged, 53.5 and 55 ms): no effect beyond the noise, so
 * Jetty's default stays. C1's thresholds at twice HotSpot's again, -24.5 ms (11 of 14), CPU
 * -25, but {@link WarmUpCurve} (8 connections, 1 s windows, three runs each) served 15-24% fewer requests in
 * windows 4 to 6 together (the first three mixed); {@code -Djava.locale.providers=SPI}, which leaves the JDK's
 * fallback locale data only so that Jetty's {@code MimeTypes} lists one locale instead of ~160 (+4, 14 rounds); transparent huge pages (+27.5) and
 * {@code -XX:-UsePerfData} (+13.5), 12 rounds; four times HotSpot's compile thresholds for the JDK's start-up-only
 * packages alone (locale data, the runtime image, zip, the module system, ASM; {@code CompileCommand}), -3.5
 * (mean -0.7, 16 rounds); {@code TieredCompileTaskTimeout} at 10 and 3 ms instead of 50, so that stale compile
 * tasks leave the queue sooner, +17.5 and +19 (16 rounds: the compilations the queue held were worth having);
 * {@code -cp} instead of {@code -jar} again, +9 (16 rounds), although with {@code -jar} the jar's central directory
 * is read twice (the launcher's check of the manifest, then the class path), as async-profiler counted;
 * {@code --limit-modules}, which turns class-data sharing off. Measured
 * but not worth a change: the archive relocation is 21 ms of {@code -Xlog:startuptime}'s Genesis (1 ms with
 * {@code ArchiveRelocationMode=0}, not used: see the fourth session); opening the jar's 10,873-entry central
 * directory ~12 ms against ~6 for a 253-entry jar; every resource looked up through the application class loader first probes the
 * 62 modules of the boot layer (1,426 image lookups in a start, 620 of them for the migration scripts).
 * The probe itself changed twice, each paired against the old probe on one server build: 200 warm-up calls
 * instead of one (+3.5 ms median, -14 mean, 12 rounds) and HTTP/1.1 instead of the JDK client's HTTP/2 upgrade
 * request (+5, -4 mean, 16 rounds); neither moved the figures beyond the noise, so the series before them compare.
 *
 * <p>Seventh session (issue 4), --java, paired as above, on 9c2f73a: a series of 10 rounds of that build alone had a
 * median of 509 ms (a slow phase); the baselines of the paired series were 463.5, 414.5 and 465 ms. Tried and
 * dropped: the provider order of {@code Main} given as a {@code -Djava.security.properties} file instead of
 * {@code Security.setProperty}, whose security-event check starts {@code System.Logger} (a service lookup of its
 * finder on the class path): {@code Main} to {@code ServeArgs} took 9 ms instead of 18 in the class-load log, but
 * the first call moved -7 ms (mean +0.8, 16 rounds), so the launcher writes no such file; Jetty's host:port string
 * concatenation ({@code HttpURI.Immutable.getAuthority}, which every request's compliance check reads and whose
 * first link spun seven method-handle classes in the first request) linked on the start thread: the time from the
 * ready line to the answer moved -5.5 and -1 ms, the first call +12.5 and +11.5 ms (means +21.8 and -7.9, two
 * series of 16 rounds), so it was reverted. Measured, not changed: an archive dumped with G1, which archives heap
 * objects, is mapped by a JVM on the serial collector without them ("CDS heap data is being ignored. UseG1GC,
 * UseCompressedOops and UseCompressedClassPointers are required", -Xlog:cds), so the module graph still takes
 * 12-20 ms of the JVM's start; 33 method-handle classes are spun in every start, for Jetty's string concatenations
 * compiled to invokedynamic ({@code QueuedThreadPool}'s name, {@code Jetty}'s and {@code HttpParser}'s static
 * initialisers, the first request's authority), 4-5% of a start's CPU samples, which JDK 17's archive cannot hold.
 *
 * <p>Eighth session (issue 4), --java: 10 runs of the session's first build (46d6c9f) had a median of 471 ms (a
 * slow phase). Profiled, not changed: the main thread's store phase (68-154 ms in the trace) is the SQLite driver's
 * first date format (the {@code FastDateFormat} every {@code SQLiteConfig} builds: the JDK's time-zone database, a
 * {@code Calendar} and {@code DateFormatSymbols}, ~18 ms of CPU a start in async-profiler's samples, and no
 * setting of the driver avoids it), its first connection (15-31 ms), reading the bundled migration scripts (11-20
 * ms) and running them (10-26 ms). A pre-migrated template database for {@code --ephemeral} was judged by
 * {@code --restart}, whose store skips the scripts: its store phase took 70-93 ms against 68-120 ms (six
 * alternating runs each) and its modules phase grew by as much, so it was not built. The request-constraint
 * supplement that this session added ({@code constraints-supplement.tsv}) costs ~1.4 ms of a start, its resource
 * read (a fresh JVM with the archive timing {@code ConstraintTable.load}: medians of 10, 21.8 against 18.6 ms);
 * paired against 46d6c9f at the end of the session (16 rounds, the older build first in each), the first call took
 * 408.5 against 430.5 ms (paired -9.5, mean -21.6, 8 of 16 won; CPU 655 against 690): no change beyond the noise.
 * Two series with the newer build first had given +8 and +17.5 paired (12 and 16 rounds).
 *
 * <p>Ninth session (issue 4), measured, not changed. The collector: with G1 the archive holds heap objects (the
 * module graph, class mirrors, interned strings), which JDK 17 maps for G1 only. A G1 archive against the serial one
 * gave -16 ms paired in {@code .jar} mode (16 rounds, 11 won; CPU 675 -> 640) and +20 through the launcher's
 * {@code --java} command (20 rounds, 9 won, mean +0.9; CPU 675 -> 655): no gain beyond the noise. In the steady
 * state the two are now alike (LoadGenerator, 32 connections, alternating: GetUser 67 and 83 us of CPU a request
 * with G1, 70 and 74 with the serial collector), unlike in the third session. JDK 25 (Temurin 25.0.3, run on this
 * project's jar): with the launcher's static archive 437 ms, with a JDK 25 AOT cache ({@code -XX:AOTCacheOutput},
 * JEP 483/514/515) 401 ms, against 424 for JDK 17 with the launcher (medians of 8, one series each, not paired);
 * with the AOT cache and C1 only ({@code TieredStopAtLevel=1}) 276 ms, which shows again where a start's CPU goes:
 * {@code -XX:+CITime} counts C1 0.30 s for 700 methods (parsing and inlining 0.10, linear-scan register allocation
 * 0.07, code installation 0.05) and C2 0.07 s for 40. On the main thread, async-profiler's samples (five starts)
 * put {@code Main.orderJceBeforeEc} at ~25 ms: ~11 the security-event logger that {@code Security.setProperty}
 * looks up ({@code System.getLogger}, a service lookup on the class path; see the seventh session), ~8 the first
 * lambda's linkage, which the next lambda would pay otherwise; and {@code Files.createTempDirectory} of
 * {@code --ephemeral} at ~15, the first {@code SecureRandom}, which the master key and the bootstrap need anyway.
 *
 * <p>Tenth session (issue 4), --java, one run of each launcher per round, the order rotating from round to round
 * (with a fixed order the second run of a round was often the faster by 10-20 ms). The session's first series of the
 * unchanged build, on a fresh VM: 371 ms (8 runs), then 416 (12). Adopted: the launcher's runtime image of the JDK
 * without its development tools ({@code jlink}; 44 modules in the boot layer instead of 62) and without the JDK's
 * debug attributes ({@code --strip-debug}: the archive 31.6 instead of 33.2 MB). Against f5d0dfc's launcher, the
 * first answered call and CPU, medians, paired difference (mean, rounds won):
 * <pre>
 *   stripped image, 30 rounds       379.5 vs 406.5 ms   -8.5 (-18.9, 19 of 30)   CPU 610 vs 660
 *   stripped image, 18 rounds       455   vs 478        -5.5 (-19.1,  9 of 18)   CPU 730 vs 780
 *   stripped image, --restart, 16   504.5 vs 495        -5   (+10.8,  9 of 16)   CPU 825 vs 775 (paired 0)
 *   final launcher (d1bedf8), 30    522.5 vs 538.5     -14   (-18,   19 of 30)   CPU 835 vs 865 (paired -30)
 *   final launcher, --restart, 20   506.5 vs 530       -28.5 (-21.8, 13 of 20)   CPU 820 vs 850 (paired -65)
 *   image with debug attributes, 18 469   vs 504.5     -12.5 (-20.5, 11 of 18)   CPU 765 vs 800
 *   image with debug attributes, 24 437   vs 433       +14.5  (+3.7,  9 of 24)   CPU 690 vs 680
 * </pre>
 * Hand-made images before that, in fixed-order pairs: a minimal one (the 8 modules {@code jdeps} lists for the jar
 * and 8 of the JDK's providers, 22 modules in all) -14.5 and -36.5 paired (12 and 16 rounds, CPU -45 and -25), a Java SE one (java.se and
 * the JDK's providers, 43 modules) -20 (20 rounds, CPU -50) and +7 with the image first (16, CPU -60). Small against
 * the VM's drift, so what the image saves is mostly CPU; {@code -Xlog:startuptime} puts a few ms of it in the
 * module system's start (16-32 ms with the JDK, 16-21 with the image) and the class lists of a start are the same.
 *
 * <p>Eleventh session (issue 4), --java, paired as above, against a2b81f9 (the session's start; its first 10 runs
 * had a median of 595 ms: a slow day). The request path's fewer bytes per call (see {@code DispatchBenchmark}), 16
 * rounds: 529.5 vs 536 ms, paired -11.5 (mean -13.6, 10 of 16), CPU 780 vs 810. Adopted: the API modules register
 * their handlers at their first call instead of at start ({@code Handlers.defer}, from a handler table generated
 * from the modules), and the launcher's training run ({@code --self-check}) registers them all after its calls, so
 * that the archive holds their classes as before (31.6 MB). Final code, 16 rounds: 525 vs 570.5 ms, paired -25.5
 * (mean -35.4, 12 of 16), CPU 765 vs 850 (paired -45); an earlier series of three builds, 12 rounds: -37 (10 of 12),
 * CPU -30; {@code --restart}, 12 rounds: 546 vs 544, paired -26 (mean -22.4, 7 of 12), CPU -35. The work moves to
 * each module's first call: in four runs of seven calls made right after the start (curl, one call of each of five
 * modules, then two more), the first CreatePolicy took 124-172 ms against 115-131 and the seven calls together ~40
 * ms more than on a2b81f9; with a pause of 1 s after the first call, CreatePolicy took 157 and 174 ms against 176
 * and 182. Tried and not adopted: the same deferral with an archive of the training run's two calls only, since
 * the modules' request and response classes and the handlers' lambda classes were no longer loaded in a start
 * (about 3,200 classes instead of 4,207, 23.6 MB instead of 31.6, so less to relocate, see below): 494.5 vs 540 ms,
 * paired -56 (12 of 12), CPU -60, but each module's first call then read its classes from the jar and spun its
 * lambdas (20-70 ms more per module, ~80 ms more over the six first calls). Measured, not changed:
 * relocating the archive, which JDK 17.0.15 maps at a random address at every start ({@code ArchiveRelocationMode=1},
 * its default since a security update: the addresses of the classes' metadata differ from process to process),
 * took most of {@code -Xlog:startuptime}'s Genesis: 89-113 ms in five runs, against 6-7 ms with
 * {@code -XX:ArchiveRelocationMode=0} (the archive at the address it was dumped for), and 54-66 ms for the JDK's
 * own 12 MB archive with {@code java -version}. So on this VM a fifth of a start is spent patching the pointers of
 * the 31.6 MB archive (rw 12.6 MB, ro 18.8 MB; 4,096 classes, 79,537 symbols), about 3 ms per MB, in every page of
 * it. It is left at the JDK's default: fixed addresses are what the update took away, and an address chosen once
 * per installation at dump time would give every process of that installation the same layout. What would shrink
 * it: fewer classes in a start. Among them are the request and response classes of every IAM and STS operation
 * (193 and 173), which the API modules' handler registration loads (not initialises) by naming them.
 *
 * <p>Twelfth session (issue 4), --java, paired as above, on a slow VM (the unchanged build's medians 548.5-589.5
 * ms). Tried and dropped: the data directory, master key and store opened on a third thread while the main one
 * read the Query protocol's, SigV4's and the enforcement tables (the store's own parts, timed once with temporary
 * timers over five starts: the driver's data source with its date format and time zone 14-40 ms, reading the
 * migration scripts 10-21, the first connection and native library 14-34, running the scripts 25-55): 16 rounds,
 * 601.5 vs 548.5 ms, paired +3.5 (mean +14.1, 7 of 16), CPU 895 vs 800; the two cores are busy already (the JIT
 * took 260-340 ms of a start's 650-870 ms of CPU up to the first answer, counted from /proc per thread). The
 * archive at its dump-time address ({@code -XX:ArchiveRelocationMode=0} in {@code SIGIL_JAVA_OPTS}, measured to
 * check the eleventh session's reading of the relocation): 12 rounds, 684 vs 589.5 ms, paired +90.5 (1 of 12),
 * CPU 1,100 vs 880; whole {@code --self-check} runs under {@code /usr/bin/time}, three of each: 0.96-1.06 s
 * against 0.81-0.90, 0.1 s more user and 0.1-0.15 s more system time, although Genesis took 9 ms instead of 95 and
 * the process had fewer minor page faults (10.6k against 13.7k). So on this VM the relocation's share of Genesis
 * is not time that a fixed address would save: the eleventh session's "a fifth of a start" overstated it.
 *
 * <p>Thirteenth session (issue 4), --java, paired as above. Where a start's CPU goes on this VM, by {@code perf}
 * (Debian's linux-perf; software events, the VM has no PMU): page faults. A fresh anonymous 4 KB page costs 12 µs
 * here (a Python loop over a fresh mapping; under 1 µs on bare metal), and 17.6% of a {@code --self-check} run's
 * CPU samples sat in the fault path ({@code exc_page_fault}, shown as the paravirtual {@code pvm_irq_enable}).
 * Counted with {@code perf record -e page-faults}: ~13,700 a run, 45% of them while the JVM relocates the
 * archive's pointers ({@code FileMapInfo::relocate_pointers_in_core_regions}: it writes to ~6,100 of the 31.6 MB
 * archive's 7,700 pages, each a copy-on-write fault, before {@code main}), 25-30% the heap's first use (the
 * interpreter's and compiled code's allocations, {@code MemAllocator}'s zeroing). Adopted: the heap on
 * transparent huge pages ({@code -XX:+UseTransparentHugePages}, set by the launcher where the kernel's mode is
 * "madvise"): ~3,900 fewer faults a run, and three series against the same build without it, 8, 16 and 16
 * rounds: paired -17 (5 of 8), -13 (11 of 16; 407 vs 422 ms, CPU 600 vs 630) and -21 ms (12 of 16; 413.5 vs
 * 433.5, CPU 600 vs 625). (The fourth session had measured +27.5 on another VM; see above.) Measured, not
 * changed: {@code -XX:ArchiveRelocationMode=0} is slower again, 8 rounds, paired +74.5 (0 of 8), CPU 880 vs 715;
 * {@code perf} shows why: without the relocation's early writes the archive's pages are read first and written
 * later, when other threads run, and each such copy-on-write fault then flushes the other CPU's TLB
 * ({@code pvm_flush_tlb_multi}, 4.8% of samples) — fewer faults (10,700), dearer ones. The archive holds 55,072
 * methods in 4,059 classes (rw 12.5 MB: Method 4.9, ConstantPoolCache 3.6, Class 2.7; ro 18.7 MB: ConstMethod
 * 5.7, ConstantPool 5.4, Symbol 4.8), of which a start and its first call load all but ~400 (356 of them IAM and
 * STS model classes of other operations), so a smaller archive would save little relocation. 25 method-handle
 * classes are still spun in a start (async-profiler counting {@code InvokerBytecodeGenerator
 * .generateCustomizedCodeBytes}): Jetty's string concatenations in {@code Jetty.<clinit>} (8), {@code
 * HttpParser.<clinit>} (7), {@code QueuedThreadPool.<init>} (6), and four single ones; with
 * {@code -Djava.lang.invoke.MethodHandle.COMPILE_THRESHOLD} at 10 or 30 the forms are interpreted first, but the
 * interpreter's entry points are then spun instead (67 and 66 classes against 48 up to the first answer).
 * Series of 10 rounds of the adopted launcher alone, as the VM slowed through the session: 381, 405, 380, 376, 380,
 * 376, 389, 429 and 407 ms (without the huge pages, between them: 415, 405 and 439). Also measured, not changed:
 * eight times HotSpot's C2 counts instead of four, 10 rounds, paired +3.5 (4 of 10);
 * {@code C1MaxInlineLevel=3}: +7 (2 of 8), CPU +40. The compiler threads at a lower OS priority
 * ({@code -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=1}, which needs root): -5.5 (7 of 8), too little
 * for a setting that warns for everybody else.
 *
 * <p>Fourteenth session (issue 4), --java, paired as above. The unchanged build (c2381c8) in the session's first
 * series of 10 rounds: 352, 365, 373 and 365 ms. Where a start goes (async-profiler, cpu mode, six
 * {@code --self-check} runs, its own overhead included): the main thread 283-289 ms of CPU, C1 236-240, the start
 * thread 130-139, C2 63-65; on the start thread {@code new SigilHttpServer} took 63, Jetty's {@code MimeTypes}
 * initialiser 36 of it, and 17 of those {@code Locale.getAvailableLocales()} over the JDK's ~800 locales. The JVM's
 * own start ({@code -Xlog:startuptime}: Create VM 121 ms, Genesis 77 of them, nearly all the archive's relocation)
 * keeps one core busy while the other idles. Adopted: the runtime image without {@code jdk.localedata}, the JDK's
 * locale data for every language but English (see {@code ./sigil}), against c2381c8, 12 and 16 rounds: paired -18.5
 * (10 of 12; 371 vs 393.5 ms, CPU 525 vs 570) and -36.5 (14 of 16; 357 vs 391.5, CPU 515 vs 570). The session's
 * final build against c2381c8, 12 rounds: 389.5 vs 407, paired -23.5 (10 of 12), CPU 555 vs 580. Series of 10
 * rounds of the adopted launcher alone, as the VM's speed drifted: 359, 372, 360, 341, 340, 343, 389, 382, 387, 381
 * (c2381c8 alone between the last two: 385). Measured, not adopted: Main's provider order set on the main thread
 * once the start thread runs (which then starts ~25 ms earlier) and the crypto providers loaded by the main thread,
 * 12 rounds, paired -7 (7 of 12); C1's thresholds at twice HotSpot's, -12.5 (6 of 10), for the warm-up cost the
 * sixth session measured; the archive without the other operations' model classes and handler lambdas (23.6
 * instead of 31.7 MB, the dump's Method, ConstMethod and Symbol tables shrinking most), -25 (10 of 10), CPU -30,
 * the trade-off the eleventh session declined; {@code ArchiveRelocationMode=0} once more, +53.5 (1 of 10), CPU 685
 * vs 550, 6.6% of its samples in {@code pvm_flush_tlb_multi}.
 *
 * <p>Tried and dropped before, because they measured no gain: doing the JDK, Jetty or Flyway one-time work on a
 * second thread (the JIT compilers already keep the second core busy), Flyway with a fixed resource list instead
 * of the classpath scan, without validate-on-migrate, without placeholder replacement.
 */
public final class ColdStart {
    private static final Pattern READY = Pattern.compile("Sigil listening on (http://[^ ]+) ");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Set<String> NOT_ANSWERED = Set.of("MissingAuthenticationToken", "IncompleteSignature",
            "InvalidClientTokenId", "ExpiredToken", "SignatureDoesNotMatch", "RequestExpired", "ServiceFailure");
    static final String KEY_ID = "AKIACOLDSTART0000001";
    static final String SECRET = "coldStartSecret0000000000000000000000000";

    private ColdStart() {}

    /**
     * One run: milliseconds from exec to the ready line and to the answer of the first signed call, and the CPU
     * time the server process had used by then (-1 where {@code /proc} is missing). The CPU time is what to
     * compare on a busy machine, where wall time depends on the neighbours.
     */
    record Run(long readyMs, long firstMs, long cpuMs, String answer) {}

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        boolean java = false;
        while (args.length > 0 && (args[0].equals("--restart") || args[0].equals("--java"))) {
            if (args[0].equals("--restart")) {
                dataDir = Files.createTempDirectory("sigil-coldstart-");
            } else {
                java = true;
            }
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        String target = args.length > 0 ? args[0] : "sigil-server/target/sigil.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> jvm = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        List<String> javaCommand = null;
        if (java && !target.endsWith(".jar")) {
            javaCommand = javaCommand(target, jvm);
            System.out.println("java command of " + target + ": " + String.join(" ", javaCommand));
        }
        // HTTP/1.1 as the AWS SDKs and CLI speak it without TLS: the JDK client's default, HTTP/2, asks a plain
        // connection to upgrade (Upgrade: h2c), which no AWS client does and which made the first call take Jetty's
        // upgrade path, classes that the launcher's training run never loads.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        warmUp(client);
        if (dataDir != null) {
            Run r = once(target, jvm, javaCommand, client, dataDir);
            System.out.printf("first start on %s (not counted): first answered signed call %d ms%n", dataDir,
                    r.firstMs());
        }
        long[] ready = new long[runs];
        long[] first = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            Run r = once(target, jvm, javaCommand, client, dataDir);
            ready[i] = r.readyMs();
            first[i] = r.firstMs();
            cpu[i] = r.cpuMs();
            System.out.printf("run %d: ready line %d ms, first answered signed call %d ms, server CPU %d ms (%s)%n",
                    i + 1, r.readyMs(), r.firstMs(), r.cpuMs(), r.answer());
        }
        System.out.printf("median: ready line %d ms, first answered signed call %d ms, server CPU %d ms%n",
                median(ready), median(first), median(cpu));
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * Runs the probe's own signer and HTTP client {@value #WARM_UP_CALLS} times against a throwaway local server, then
     * lets the probe's JIT finish, so that the probe's class loading and JIT neither count in the figures nor compete
     * for the CPU with the server's start. Until the sixth session it made one call: the probe's first call on a new
     * connection then took 6-17 ms of its own (against the same kind of throwaway server), 2-4 ms after 200 calls.
     */
    static void warmUp(HttpClient client) throws Exception {
        HttpServer local = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        local.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        local.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + local.getAddress().getPort() + "/");
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                client.send(signed(uri), HttpResponse.BodyHandlers.ofString());
            }
        } finally {
            local.stop(0);
        }
        Thread.sleep(1_000);   // the compilations those calls queued
    }

    static final int WARM_UP_CALLS = 200;

    /** The signed ListUsers call to {@code uri}. */
    static HttpRequest signed(URI uri) {
        String body = "Action=ListUsers&Version=2010-05-08";
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        Signer.sign(uri, body, KEY_ID, SECRET).forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        return b.build();
    }

    /**
     * One start: on a fresh temporary data directory ({@code --ephemeral}) when {@code dataDir} is null; with
     * {@code javaCommand} (the launcher's, for {@code --java}) exec'd instead of {@code target} when it is given.
     */
    static Run once(String target, List<String> jvm, List<String> javaCommand, HttpClient client, Path dataDir)
            throws Exception {
        List<String> command = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(command);
        if (javaCommand != null) {
            command.addAll(javaCommand);
        } else if (target.endsWith(".jar")) {
            command.add("java");
            command.addAll(jvm);
            command.addAll(List.of("-jar", target));
        } else {
            command.add(target);
            pb.environment().put("SIGIL_JAVA_OPTS", String.join(" ", jvm));
        }
        command.addAll(dataDir == null ? List.of("serve", "--ephemeral", "--port", "0")
                : List.of("serve", "--data-dir", dataDir.toString(), "--port", "0"));
        pb.environment().put("SIGIL_ROOT_ACCESS_KEY_ID", KEY_ID);
        pb.environment().put("SIGIL_ROOT_SECRET_ACCESS_KEY", SECRET);
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = null;
            StringBuilder seen = new StringBuilder();
            String line;
            while (endpoint == null && (line = out.readLine()) != null) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    endpoint = m.group(1);
                } else if (line.startsWith("sigil: start phases")) {
                    System.out.println(line);   // printed with -Dsigil.startup.trace
                } else {
                    seen.append(line).append('\n');
                }
            }
            if (endpoint == null) {
                throw new IllegalStateException("the server did not print its ready line:\n" + seen);
            }
            long readyMs = (System.nanoTime() - t0) / 1_000_000;
            HttpResponse<String> r = client.send(signed(URI.create(endpoint + "/")), HttpResponse.BodyHandlers.ofString());
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            return new Run(readyMs, firstMs, cpuMs(p.pid()), answer(r));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** The launcher's java command line (options, {@code -jar JAR}) as {@code SIGIL_PRINT_JAVA_COMMAND} prints it. */
    static List<String> javaCommand(String launcher, List<String> jvm) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(launcher);
        pb.environment().put("SIGIL_PRINT_JAVA_COMMAND", "1");
        pb.environment().put("SIGIL_JAVA_OPTS", String.join(" ", jvm));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<String> command = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        // "java" from PATH, or the path of the launcher's runtime image's java (see ./sigil)
        boolean java = !command.isEmpty() && (command.get(0).equals("java") || command.get(0).endsWith("/java"));
        if (p.waitFor() != 0 || !java) {
            throw new IllegalStateException(launcher + " did not print its java command: " + command);
        }
        return command;
    }

    /** User plus system CPU time of process {@code pid} so far, from /proc (Linux; 100 clock ticks a second). */
    static long cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code 200}, or {@code 400 InvalidAction}; throws unless the answer is an AWS-shaped one to a signed call. */
    static String answer(HttpResponse<String> r) {
        if (r.statusCode() == 200 && r.body().contains("<ListUsersResponse")) {
            return "200";
        }
        Matcher code = CODE.matcher(r.body());
        if (!r.body().contains("<ErrorResponse") || !code.find() || NOT_ANSWERED.contains(code.group(1))) {
            throw new IllegalStateException("first call answered " + r.statusCode() + ": " + r.body());
        }
        return r.statusCode() + " " + code.group(1);
    }
}
