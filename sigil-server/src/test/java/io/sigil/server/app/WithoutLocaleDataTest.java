package io.sigil.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigil.iam.crypto.MasterKey;
import io.sigil.server.Main;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The launcher's runtime image leaves out the JDK's locale data (module jdk.localedata, every language but English;
 * see {@code prepare_runtime} in {@code ./sigil}), so nothing Sigil answers may depend on it or on the default
 * locale. A server run as a child JVM whose default locale is Thai with Thai digits (th-TH-TH, whose formats differ
 * most from English among those the JDK's legacy data knows) answers the AWS SDK as AWS does, with the JDK's locale
 * data (where a format by the default locale would show Thai digits) and without it (its system modules the JDK's
 * but jdk.localedata, as in the image): its dates parse, its CSV report's and its audit log's times are ISO 8601 in
 * ASCII digits, its error messages are AWS's English ones.
 */
class WithoutLocaleDataTest {
    private static final Pattern READY = Pattern.compile("Sigil listening on (http://\\S+) ");
    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "with the JDK''s locale data: {0}")
    @ValueSource(booleans = {false, true})
    void aServerInAThaiLocale_withOrWithoutTheJdksLocaleData_answersTheSdkAsInEnglish(boolean localeData)
            throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH"));
        if (localeData) {
            assumeTrue(ModuleFinder.ofSystem().find("jdk.localedata").isPresent(), "a JDK with its locale data");
            assertThat(availableLocales(jvm)).as("the child JVM's locales include Thai")
                    .anyMatch(l -> l.startsWith("th"));
        } else {
            jvm.addAll(0, List.of("--limit-modules", modulesButLocaleData()));
            assertThat(availableLocales(jvm)).as("the child JVM's locales: English and the root only")
                    .isNotEmpty().allMatch(l -> l.isEmpty() || l.startsWith("en"));
        }

        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--data-dir", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("server.err").toFile());
        pb.environment().putAll(Map.of(Bootstrap.ENV_ACCOUNT, SigilTestServer.ACCOUNT_ID,
                Bootstrap.ENV_KEY_ID, SigilTestServer.ROOT_KEY_ID, Bootstrap.ENV_SECRET, SigilTestServer.ROOT_SECRET,
                MasterKey.ENV, SigilTestServer.MASTER_KEY));
        Process server = pb.start();
        try {
            URI endpoint = URI.create(readyEndpoint(server));
            try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                    .credentialsProvider(root()).httpClient(UrlConnectionHttpClient.create()).build();
                 StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(root()).httpClient(UrlConnectionHttpClient.create()).build()) {
                Instant before = Instant.now().minusSeconds(5);
                User user = iam.createUser(b -> b.userName("thai-locale-user")).user();
                assertThat(user.createDate()).isBetween(before, Instant.now().plusSeconds(5));
                assertThat(iam.getUser(b -> b.userName("thai-locale-user")).user().createDate())
                        .isEqualTo(user.createDate());
                assertThat(sts.getCallerIdentity().account()).isEqualTo(SigilTestServer.ACCOUNT_ID);

                assertThatThrownBy(() -> iam.createUser(b -> b.userName("u".repeat(65))))
                        .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                                .contains("Member must have length less than or equal to 64"));

                String report = credentialReport(iam);
                assertThat(report).containsPattern("\nthai-locale-user,arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                        + ":user/thai-locale-user," + ISO_SECONDS.pattern() + "\\+00:00,");
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("server.err"))).isEmpty();
        String audit;
        try (Stream<Path> files = Files.list(data.resolve("audit"))) {
            audit = files.map(WithoutLocaleDataTest::read).collect(Collectors.joining());
        }
        Matcher times = Pattern.compile("\"eventTime\":\"([^\"]*)\"").matcher(audit);
        int events = 0;
        while (times.find()) {
            assertThat(times.group(1)).matches(ISO_SECONDS.pattern() + "Z");
            events++;
        }
        assertThat(events).as("audit events").isGreaterThanOrEqualTo(5);
    }

    /** Every module of the JDK running the tests but jdk.localedata, as {@code --limit-modules} takes them. */
    private static String modulesButLocaleData() {
        return ModuleFinder.ofSystem().findAll().stream().map(m -> m.descriptor().name())
                .filter(name -> !name.equals("jdk.localedata")).sorted().collect(Collectors.joining(","));
    }

    /** The locales a JVM with these options has, from {@code -XshowSettings:locale}. */
    private static List<String> availableLocales(List<String> jvm) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvm);
        command.addAll(List.of("-XshowSettings:locale", "-version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        // one line, or several: the continuations indented deeper than the settings
        Matcher m = Pattern.compile("available locales = (.*?)\\n(?! {8})", Pattern.DOTALL).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Stream.of(m.group(1).split(",")).map(String::strip).toList();
    }

    private static String readyEndpoint(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the server ended without its ready line, exit " + server.waitFor());
    }

    private static String credentialReport(IamClient iam) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (iam.generateCredentialReport().state() != ReportStateType.COMPLETE) {
            assertThat(System.nanoTime()).as("the report completes").isLessThan(deadline);
            Thread.sleep(50);
        }
        return iam.getCredentialReport().content().asUtf8String();
    }

    private static StaticCredentialsProvider root() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
