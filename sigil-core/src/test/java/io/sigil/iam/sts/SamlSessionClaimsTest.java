package io.sigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.saml.SamlAssertion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SamlSessionClaims}: the AWS attributes of an assertion ("Configure SAML assertions"; spec §10 G70). */
class SamlSessionClaimsTest {

    private static final String P = SamlSessionClaims.PREFIX;

    private static SamlAssertion assertion(Object... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put((String) nameValues[i], (List<String>) nameValues[i + 1]);
        }
        return new SamlAssertion("https://idp", "jdoe", null, "https://signin.aws.amazon.com/saml", null, m);
    }

    private static void invalid(SamlAssertion a, String message) {
        IamException e = catchThrowableOfType(IamException.class, () -> SamlSessionClaims.of(a));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("InvalidIdentityToken");
        assertThat(e.safeMessage()).isEqualTo(message);
    }

    @Test
    void sessionName_twoToSixtyFourOfThePattern() {
        assertThat(SamlSessionClaims.of(assertion(P + "RoleSessionName", List.of("ab"))).roleSessionName())
                .isEqualTo("ab");
        assertThat(SamlSessionClaims.of(assertion(P + "RoleSessionName", List.of("a".repeat(64))))
                .roleSessionName()).hasSize(64);
        invalid(assertion(P + "RoleSessionName", List.of("a".repeat(65))), SamlSessionClaims.BAD_SESSION_NAME);
        invalid(assertion(P + "RoleSessionName", List.of("a")), SamlSessionClaims.BAD_SESSION_NAME);
        invalid(assertion(P + "RoleSessionName", List.of("Bob Smith")), SamlSessionClaims.BAD_SESSION_NAME);
        invalid(assertion(), SamlSessionClaims.NO_SESSION_NAME);
    }

    @Test
    void sessionDuration_900To43200() {
        assertThat(SamlSessionClaims.of(assertion(P + "RoleSessionName", List.of("ab"), P + "SessionDuration",
                List.of("900"))).sessionDuration()).isEqualTo(900);
        assertThat(SamlSessionClaims.of(assertion(P + "RoleSessionName", List.of("ab"), P + "SessionDuration",
                List.of("43200"))).sessionDuration()).isEqualTo(43_200);
        for (String bad : new String[] {"899", "43201", "1h"}) {
            invalid(assertion(P + "RoleSessionName", List.of("ab"), P + "SessionDuration", List.of(bad)),
                    SamlSessionClaims.BAD_DURATION);
        }
    }

    @Test
    void principalTags_singleValued_transitiveKeysNameThem_sourceIdentityNotAws() {
        SamlSessionClaims c = SamlSessionClaims.of(assertion(P + "RoleSessionName", List.of("ab"),
                P + "PrincipalTag:team", List.of("eng"), P + "TransitiveTagKeys", List.of("TEAM"),
                P + "SourceIdentity", List.of("jdoe")));
        assertThat(c.tags()).containsExactly(new Tag("team", "eng"));
        assertThat(c.transitiveTagKeys()).containsExactly("TEAM");
        assertThat(c.sourceIdentity()).isEqualTo("jdoe");
        invalid(assertion(P + "RoleSessionName", List.of("ab"), P + "PrincipalTag:team", List.of("a", "b")),
                SamlSessionClaims.BAD_TAGS);
        invalid(assertion(P + "RoleSessionName", List.of("ab"), P + "TransitiveTagKeys", List.of("team")),
                SamlSessionClaims.BAD_TRANSITIVE);
        invalid(assertion(P + "RoleSessionName", List.of("ab"), P + "SourceIdentity", List.of("aws:me")),
                SamlSessionClaims.BAD_SOURCE_IDENTITY);
    }

    @Test
    void rolePair_inEitherOrder_otherwiseAwsText() {
        SamlAssertion a = assertion(SamlSessionClaims.ROLE, List.of("arn:aws:iam::1:saml-provider/P, arn:aws:iam::1:role/R"));
        SamlSessionClaims.requireRolePair(a, "arn:aws:iam::1:role/R", "arn:aws:iam::1:saml-provider/P");
        IamException e = catchThrowableOfType(IamException.class, () -> SamlSessionClaims.requireRolePair(a,
                "arn:aws:iam::1:role/Other", "arn:aws:iam::1:saml-provider/P"));
        assertThat(e.safeMessage()).isEqualTo(
                "SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
    }
}
