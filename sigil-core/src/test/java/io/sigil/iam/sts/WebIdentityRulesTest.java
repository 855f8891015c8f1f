package io.sigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.OidcProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token rules of AssumeRoleWithWebIdentity that need no provider or store: times with their clock skew (RFC 7519
 * §4.1.4–4.1.6) and the audience (IAM User Guide, "Available keys for AWS OIDC federation").
 */
class WebIdentityRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final long SKEW = WebIdentityService.CLOCK_SKEW.getSeconds();
    private static final OidcProvider PROVIDER = new OidcProvider("123456789012", "OIDC1", "https://idp.example.com",
            List.of("app-1", "app-2"), List.of(), NOW, List.of(), 0);

    private static WebIdentityClaims claims(Instant exp, Instant nbf, Instant iat) {
        return new WebIdentityClaims("https://idp.example.com", "sub", List.of("app-1"), null, exp, nbf, iat, null,
                null, null, null);
    }

    private static WebIdentityClaims audiences(String azp, String... aud) {
        return new WebIdentityClaims("https://idp.example.com", "sub", List.of(aud), azp, NOW, null, null, null, null,
                null, null);
    }

    private static void fails(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(IamException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void exp_isAcceptedUntilTheSkewHasPassed_thenExpiredTokenException() {
        Instant exp = NOW.minusSeconds(SKEW - 1);
        assertThatCode(() -> WebIdentityService.checkTimes(claims(exp, null, null), NOW)).doesNotThrowAnyException();
        fails(() -> WebIdentityService.checkTimes(claims(NOW.minusSeconds(SKEW), null, null), NOW),
                "ExpiredTokenException");
        assertThatThrownBy(() -> WebIdentityService.checkTimes(claims(NOW.minusSeconds(SKEW + 1), null, null), NOW))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.safeMessage()).isEqualTo(
                        "Token expired: current date/time " + NOW.getEpochSecond() + " must be before the "
                                + "expiration date/time " + NOW.minusSeconds(SKEW + 1).getEpochSecond()));
    }

    @Test
    void aTokenWithoutExp_isInvalid() {
        fails(() -> WebIdentityService.checkTimes(claims(null, null, null), NOW), "InvalidIdentityToken");
    }

    @Test
    void nbfAndIat_mayBeAheadByTheSkew_butNoMore() {
        Instant exp = NOW.plusSeconds(3600);
        assertThatCode(() -> WebIdentityService.checkTimes(claims(exp, NOW.plusSeconds(SKEW), NOW.plusSeconds(SKEW)),
                NOW)).doesNotThrowAnyException();
        fails(() -> WebIdentityService.checkTimes(claims(exp, NOW.plusSeconds(SKEW + 1), null), NOW),
                "InvalidIdentityToken");
        fails(() -> WebIdentityService.checkTimes(claims(exp, null, NOW.plusSeconds(SKEW + 1)), NOW),
                "InvalidIdentityToken");
    }

    @Test
    void theAudience_isAnAzpThatIsAClientId_elseTheFirstAudThatIs() {
        assertThat(WebIdentityService.audience(audiences("app-2", "api://x"), PROVIDER)).isEqualTo("app-2");
        assertThat(WebIdentityService.audience(audiences("other", "zzz", "app-2", "app-1"), PROVIDER))
                .isEqualTo("app-2");
        assertThatThrownBy(() -> WebIdentityService.audience(audiences("other", "zzz"), PROVIDER))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidIdentityToken");
                    assertThat(e.safeMessage()).isEqualTo("Incorrect token audience");
                });
    }
}
