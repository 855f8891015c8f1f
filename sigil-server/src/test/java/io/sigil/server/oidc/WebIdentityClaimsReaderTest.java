package io.sigil.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.sts.WebIdentityClaims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claims AssumeRoleWithWebIdentity reads (IAM User Guide, "Passing session tags using AssumeRoleWithWebIdentity"):
 * the tags claim with STS's session tag limits, {@code amr} as a string or a list, and claims of the wrong type.
 */
class WebIdentityClaimsReaderTest {

    private static JWTClaimsSet.Builder base() {
        return new JWTClaimsSet.Builder().issuer("https://idp.example.com").subject("s").audience("a");
    }

    private static Map<String, Object> tags(int n, String keyPrefix, String value) {
        Map<String, Object> principal = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            principal.put(keyPrefix + i, List.of(value));
        }
        return Map.of("principal_tags", principal, "transitive_tag_keys", List.of(keyPrefix + "0"));
    }

    private static void invalid(JWTClaimsSet claims) {
        assertThatThrownBy(() -> WebIdentityClaimsReader.read(claims)).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.code()).isEqualTo("InvalidIdentityToken"));
    }

    @Test
    void fiftySessionTags_areRead_withTheirTransitiveKeys_aFiftyFirstMakesTheTokenInvalid() {
        WebIdentityClaims c = WebIdentityClaimsReader.read(base()
                .claim(WebIdentityClaimsReader.TAGS_CLAIM, tags(50, "k", "v")).build());
        assertThat(c.principalTags()).hasSize(50).first().isEqualTo(new Tag("k0", "v"));
        assertThat(c.transitiveTagKeys()).containsExactly("k0");

        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM, tags(51, "k", "v")).build());
    }

    @Test
    void aTagKeyOf128Characters_isRead_129OrTheAwsPrefixIsNot_andAValueOf256IsRead_257IsNot() {
        WebIdentityClaimsReader.read(base().claim(WebIdentityClaimsReader.TAGS_CLAIM,
                tags(1, "k".repeat(127), "v".repeat(256))).build());
        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM, tags(1, "k".repeat(128), "v")).build());
        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM, tags(1, "k", "v".repeat(257))).build());
        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM, tags(1, "aws:k", "v")).build());
    }

    @Test
    void aTagWithSeveralValues_makesTheTokenInvalid() {
        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM,
                Map.of("principal_tags", Map.of("k", List.of("a", "b")))).build());
    }

    @Test
    void amr_isReadAsAStringOrAList_andAnAzpAndTimesAreKept() {
        assertThat(WebIdentityClaimsReader.read(base().claim("amr", "pwd").build()).amr()).containsExactly("pwd");
        WebIdentityClaims c = WebIdentityClaimsReader.read(base().claim("amr", List.of("authenticated", "mfa"))
                .claim("azp", "app").expirationTime(new java.util.Date(2_000_000_000_000L)).build());
        assertThat(c.amr()).containsExactly("authenticated", "mfa");
        assertThat(c.authorizedParty()).isEqualTo("app");
        assertThat(c.expiresAt().getEpochSecond()).isEqualTo(2_000_000_000L);
    }

    @Test
    void claimsOfTheWrongType_makeTheTokenInvalid() {
        invalid(base().claim("amr", 42).build());
        invalid(base().claim("azp", List.of("x")).build());
        invalid(base().claim(WebIdentityClaimsReader.SOURCE_IDENTITY_CLAIM, 7).build());
        invalid(base().claim(WebIdentityClaimsReader.TAGS_CLAIM, "not an object").build());
    }
}
