package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.PasswordPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of a custom policy and of IAM's default policy, at its boundary (spec §5.1, §10 H82). */
class PasswordRulesTest {

    private static final Account ACCOUNT = Account.create("123456789012", Instant.EPOCH).withAlias("example-corp");

    private static PasswordPolicy length(int n) {
        return new PasswordPolicy(n, false, false, false, false, false, 0, 0, null);
    }

    private static boolean ok(String password, PasswordPolicy policy) {
        return PasswordRules.violations(password, policy, ACCOUNT).isEmpty();
    }

    @Test
    void minimumLength_acceptsLengthMinusNothing_refusesOneShort() {
        assertThat(ok("a".repeat(11), length(12))).isFalse();
        assertThat(ok("a".repeat(12), length(12))).isTrue();
        assertThat(ok("a".repeat(13), length(12))).isTrue();
    }

    @Test
    void minimumLength_atTheRangeEnds6And128() {
        assertThat(ok("a".repeat(5), length(6))).isFalse();
        assertThat(ok("a".repeat(6), length(6))).isTrue();
        assertThat(ok("a".repeat(127), length(128))).isFalse();
        assertThat(ok("a".repeat(128), length(128))).isTrue();
        assertThatThrownBy(() -> length(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> length(129)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requireUppercase_meansIsoBasicLatinAToZ() {
        PasswordPolicy p = new PasswordPolicy(6, false, false, true, false, false, 0, 0, null);
        assertThat(ok("abcdef", p)).isFalse();
        assertThat(ok("abcdÉf", p)).as("É is not A-Z").isFalse();
        assertThat(ok("abcdeF", p)).isTrue();
    }

    @Test
    void requireLowercase_meansAToZ() {
        PasswordPolicy p = new PasswordPolicy(6, false, false, false, true, false, 0, 0, null);
        assertThat(ok("ABCDEF", p)).isFalse();
        assertThat(ok("ABCDEß", p)).isFalse();
        assertThat(ok("ABCDEf", p)).isTrue();
    }

    @Test
    void requireNumbers_meansZeroToNine() {
        PasswordPolicy p = new PasswordPolicy(6, false, true, false, false, false, 0, 0, null);
        assertThat(ok("abcdef", p)).isFalse();
        assertThat(ok("abcde0", p)).isTrue();
    }

    @ParameterizedTest(name = "symbol {0} counts")
    @ValueSource(strings = {"!", "@", "#", "$", "%", "^", "&", "*", "(", ")", "_", "+", "-", "=", "[", "]", "{", "}",
        "|", "'"})
    void requireSymbols_acceptsEachDocumentedSymbol(String symbol) {
        PasswordPolicy p = new PasswordPolicy(6, true, false, false, false, false, 0, 0, null);
        assertThat(ok("abcde" + symbol, p)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not one of the policy's symbols")
    @ValueSource(strings = {"<", ">", "~", "`", ".", ",", "?", " ", "\"", ";", ":", "/", "\\"})
    void requireSymbols_refusesOtherPunctuation(String other) {
        PasswordPolicy p = new PasswordPolicy(6, true, false, false, false, false, 0, 0, null);
        assertThat(ok("abcde" + other, p)).isFalse();
    }

    @Test
    void everyClassRequired_needsOneOfEach() {
        PasswordPolicy p = new PasswordPolicy(8, true, true, true, true, false, 0, 0, null);
        assertThat(ok("Abcdefg1", p)).isFalse();
        assertThat(ok("Abcdef1!", p)).isTrue();
    }

    @Test
    void defaultPolicy_needsEightCharactersAndThreeClasses() {
        assertThat(ok("Abcdef1", null)).as("7 characters").isFalse();
        assertThat(ok("Abcdefg1", null)).isTrue();
        assertThat(ok("abcdefg1", null)).as("two classes").isFalse();
        assertThat(ok("abcdef1<", null)).as("< is a symbol of the default policy").isTrue();
        assertThat(ok("abcdef1'", null)).as("' is not").isFalse();
    }

    @Test
    void defaultPolicy_refusesTheAccountsNameStandIns() {
        Account named = Account.create("123456789012", Instant.EPOCH).withAlias("Corp-2024x");
        assertThat(PasswordRules.violations("Corp-2024x", null, named)).contains("identical to the account's name");
    }

    @Test
    void requireConforming_answersAwsPasswordPolicyViolation() {
        assertThatThrownBy(() -> PasswordRules.requireConforming("short", length(12), ACCOUNT))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.code()).isEqualTo("PasswordPolicyViolation");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.safeMessage()).isEqualTo("Password does not conform to the account password policy.");
                });
    }
}
