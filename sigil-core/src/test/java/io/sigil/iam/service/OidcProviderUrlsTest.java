package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.error.IamException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CreateOpenIDConnectProvider's Url rule (IAM API Reference: https, host, optional path; no port, query, fragment). */
class OidcProviderUrlsTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {"https://server.example.com", "https://server.example.com/", "https://example.com/id/ABC123",
            "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
            "https://token.actions.githubusercontent.com", "https://10.0.0.1/realms/x"})
    void anHttpsUrlOfHostAndPath_isAccepted(String url) {
        assertThat(OidcProviderUrls.isAcceptable(url, false)).isTrue();
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {"http://server.example.com", "https://server.example.com:443", "HTTPS://server.example.com",
            "https://server.example.com/p?x=1", "https://server.example.com/p#f", "https://u:p@server.example.com",
            "https://", "https:///path", "server.example.com", "https://server example.com", "ftp://server.example.com",
            "https://.example.com", "http://127.0.0.1:8080"})
    void anythingElse_isRefused_withoutTheLoopbackFlag(String url) {
        assertThat(OidcProviderUrls.isAcceptable(url, false)).isFalse();
        assertThatThrownBy(() -> OidcProviderUrls.check(url, false)).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.code()).isEqualTo("ValidationError");
            assertThat(e.safeMessage()).isEqualTo("Invalid Open ID Connect Provider URL");
        });
    }

    @ParameterizedTest(name = "loopback http with the flag: {0}")
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000/realms/test", "http://[::1]:1234",
            "http://127.1.2.3"})
    void httpOnALoopbackHost_isAccepted_onlyWithTheFlag(String url) {
        assertThat(OidcProviderUrls.isAcceptable(url, true)).isTrue();
        assertThat(OidcProviderUrls.isAcceptable(url, false)).isFalse();
    }

    @ParameterizedTest(name = "never, even with the flag: {0}")
    @ValueSource(strings = {"http://10.0.0.1:8080", "http://example.com", "http://localhost.evil.com",
            "http://127.0.0.1.evil.com", "http://localhost:8080/p?x=1"})
    void httpElsewhere_isRefused_evenWithTheFlag(String url) {
        assertThat(OidcProviderUrls.isAcceptable(url, true)).isFalse();
    }

    @ParameterizedTest(name = "fetchable: {0}")
    @ValueSource(strings = {"https://keys.example.com:8443/jwks", "https://example.com/.well-known/jwks.json"})
    void anyHttpsUrl_mayBeFetched(String url) {
        assertThat(OidcProviderUrls.isFetchable(url, false)).isTrue();
    }

    @ParameterizedTest(name = "not fetchable: {0}")
    @ValueSource(strings = {"http://example.com/jwks", "file:///etc/passwd", "http://169.254.169.254/latest"})
    void plainHttp_isNotFetched_unlessLoopbackAndAllowed(String url) {
        assertThat(OidcProviderUrls.isFetchable(url, true)).isFalse();
    }
}
