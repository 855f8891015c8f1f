package io.sigil.server.api.sts;

import static io.sigil.server.api.sts.RoleFixture.ACCT;
import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The federation endpoint a custom identity broker calls for a console sign-in URL (IAM User Guide, "Enable custom
 * identity broker access to the AWS console"), served at /_sigil/federation; spec §10 G73.
 */
class ConsoleFederationSdkTest {
    private static final String ASSUME = "\"sts:AssumeRole\"";
    private static final Pattern TOKEN = Pattern.compile("\\{\"SigninToken\":\"([A-Za-z0-9_-]+)\"}");
    private final SigilTestServer server = StsServer.get();

    private HttpResponse<String> get(String query) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(server.endpoint() + "/_sigil/federation?" + query))
                    .GET().build();
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String session(String id, String key, String token) {
        return "{\"sessionId\":\"" + id + "\",\"sessionKey\":\"" + key + "\",\"sessionToken\":\"" + token + "\"}";
    }

    private HttpResponse<String> signinToken(Credentials c, String sessionDuration) {
        return get("Action=getSigninToken" + (sessionDuration == null ? "" : "&SessionDuration=" + sessionDuration)
                + "&Session=" + enc(session(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
    }

    private static String tokenOf(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.matches()).as(r.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> login(String token) {
        return get("Action=login&Issuer=" + enc("https://broker.example.com/") + "&Destination="
                + enc("https://console.example.com/s3/") + "&SigninToken=" + token);
    }

    private Credentials assumedByUser(String prefix) {
        AccessKey key = StsServer.user(prefix, null);
        Role r = role(prefix + "-role", trust(userArn(prefix), ASSUME, null), null);
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.assumeRole(b -> b.roleArn(r.arn()).roleSessionName("console")).credentials();
        }
    }

    @Test
    void g73_roleCredentialsOfALongTermUserKey_getATwelveHourConsoleSession_andTheLoginRedirects() {
        Credentials c = assumedByUser("fed-g73");

        String token = tokenOf(signinToken(c, "43200"));
        HttpResponse<String> login = login(token);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("https://console.example.com/s3/");
    }

    @Test
    void g73_sessionDurationOutside900To43200_isRefused() {
        Credentials c = assumedByUser("fed-range");

        assertThat(signinToken(c, "43201").statusCode()).isEqualTo(400);
        assertThat(signinToken(c, "899").statusCode()).isEqualTo(400);
        assertThat(signinToken(c, "soon").statusCode()).isEqualTo(400);
        assertThat(signinToken(c, "900").statusCode()).isEqualTo(200);
        assertThat(signinToken(c, null).statusCode()).isEqualTo(200);
    }

    @Test
    void g73_roleChainingCredentials_cannotAskForASessionDuration() {
        AccessKey key = StsServer.user("fed-chain", null);
        Role a = role("fed-chain-a", trust(userArn("fed-chain"), ASSUME, null), null);
        Role b = role("fed-chain-b", trust("arn:aws:sts::" + ACCT + ":assumed-role/fed-chain-a/first", ASSUME, null),
                null);
        Credentials first;
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            first = sts.assumeRole(r -> r.roleArn(a.arn()).roleSessionName("first")).credentials();
        }
        Credentials chained;
        try (StsClient sts = server.sts(first)) {
            chained = sts.assumeRole(r -> r.roleArn(b.arn()).roleSessionName("second")).credentials();
        }

        HttpResponse<String> refused = signinToken(chained, "43200");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role chaining");
        assertThat(signinToken(chained, null).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionTokenCredentials_signInOnlyWithoutASessionDuration() {
        AccessKey key = StsServer.user("fed-gst", null);
        Credentials c;
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            c = sts.getSessionToken().credentials();
        }

        assertThat(signinToken(c, "3600").statusCode()).isEqualTo(400);
        assertThat(signinToken(c, null).statusCode()).isEqualTo(200);
    }

    @Test
    void g73_aSigninTokenUsedAfter16Minutes_isInvalid() {
        String token = tokenOf(signinToken(assumedByUser("fed-late"), null));
        try {
            server.clock().set(Duration.ofMinutes(16));
            HttpResponse<String> late = login(token);
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(late.body()).contains("expired");
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void wrongSecret_longTermKeys_andTamperedTokens_areRefused() {
        Credentials c = assumedByUser("fed-bad");
        AccessKey longTerm = StsServer.user("fed-long", null);

        HttpResponse<String> wrongSecret = get("Action=getSigninToken&Session="
                + enc(session(c.accessKeyId(), c.secretAccessKey() + "x", c.sessionToken())));
        HttpResponse<String> noToken = get("Action=getSigninToken&Session="
                + enc("{\"sessionId\":\"" + longTerm.accessKeyId() + "\",\"sessionKey\":\""
                        + longTerm.secretAccessKey() + "\"}"));
        String token = tokenOf(signinToken(c, null));
        String tampered = (token.charAt(5) == 'A' ? "B" : "A");
        tampered = token.substring(0, 5) + tampered + token.substring(6);

        for (HttpResponse<String> r : List.of(wrongSecret, noToken, login(tampered), get("Action=login"),
                get("Action=nope"), get("Action=getSigninToken&Session=%7Bbroken"))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).startsWith("{\"error\":").doesNotContain("Exception").doesNotContain("at io.sigil");
        }
    }
}
