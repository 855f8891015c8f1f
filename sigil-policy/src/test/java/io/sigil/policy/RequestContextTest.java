package io.sigil.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTest {

    @ParameterizedTest(name = "resource {0}: account [{1}]")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "arn:aws:iam::123456789012:user/division/alice|123456789012",
            "arn:aws:iam::123456789012:root|123456789012",
            "arn:aws:sqs:us-east-1:111122223333:queue:with:colons|111122223333",
            "arn:aws:s3:::bucket/key|null",
            "arn:aws:iam::123456789012|null",
            "arn:aws|null",
            "*|null"})
    void theResourceAccount_isTheArnsFifthField_orNoneWhenItIsEmptyOrMissing(String resource, String account) {
        RequestContext c = RequestContext.of("arn:aws:iam::999999999999:user/caller", "s3:GetObject", resource,
                Map.of());
        assertThat(RequestContext.accountOf(resource)).isEqualTo(account);
        assertThat(c.resourceAccount()).isEqualTo(account == null ? "999999999999" : account);
    }

    @ParameterizedTest(name = "key {0} is found as {1}")
    @CsvSource(delimiter = '|', value = {
            "aws:CurrentTime|AWS:currenttime",
            "aws:PrincipalTag/Team|aws:principaltag/TEAM",
            "AWS:UserName|aws:username",
            "iam:PermissionsBoundary|IAM:permissionsboundary"})
    void keyNames_areCaseInsensitive_whetherGlobalOrNot(String given, String asked) {
        RequestContext c = RequestContext.of("arn:aws:iam::999999999999:user/caller", "iam:GetUser", "*",
                Map.of(given, ContextValue.of("v")));
        assertThat(c.get(asked)).isEqualTo(ContextValue.of("v"));
        assertThat(c.keys()).containsOnlyKeys(given.toLowerCase(java.util.Locale.ROOT));
    }
}
