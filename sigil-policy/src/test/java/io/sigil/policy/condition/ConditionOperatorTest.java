package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator names (IAM User Guide, Condition operators; Creating a condition with multiple context keys or values):
 * optional set qualifier, base operator, optional {@code IfExists}. Names are case-sensitive: IAM rejects
 * {@code stringEquals} with "MalformedPolicyDocument: Invalid Condition type : stringEquals".
 */
class ConditionOperatorTest {

    @Test
    void everyIamConditionOperator_isKnown_inExactlyOneFamily() {
        Set<String> all = Arrays.stream(OperatorFamily.ALL).flatMap(f -> f.names().stream()).collect(Collectors.toSet());
        assertThat(all).containsExactlyInAnyOrder(
                "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
                "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
                "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
                "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
        int total = Arrays.stream(OperatorFamily.ALL).mapToInt(f -> f.names().size()).sum();
        assertThat(total).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "{0}: family {1}, negated {2}")
    @CsvSource({
        "StringEquals, String, false", "StringNotEqualsIgnoreCase, String, true", "StringNotLike, String, true",
        "NumericNotEquals, Numeric, true", "NumericLessThan, Numeric, false", "DateNotEquals, Date, true",
        "DateGreaterThanEquals, Date, false", "Bool, Boolean, false", "BinaryEquals, Binary, false",
        "IpAddress, IP address, false", "NotIpAddress, IP address, true", "ArnEquals, ARN, false",
        "ArnNotEquals, ARN, true", "ArnNotLike, ARN, true", "Null, Null, false"})
    void aPlainName_parsesToItsFamily_andSaysWhetherItIsNegated(String name, String family, boolean negated) {
        ConditionOperator op = ConditionOperator.parse(name);
        assertThat(op).isNotNull();
        assertThat(op.family().typeName()).isEqualTo(family);
        assertThat(op.base()).isEqualTo(name);
        assertThat(op.negated()).isEqualTo(negated);
        assertThat(op.ifExists()).isFalse();
        assertThat(op.qualifier()).isEqualTo(ConditionOperator.Qualifier.NONE);
        assertThat(op.text()).isEqualTo(name);
    }

    @Test
    void setQualifiers_prefixTheBaseOperator() {
        ConditionOperator any = ConditionOperator.parse("ForAnyValue:StringLike");
        assertThat(any.qualifier()).isEqualTo(ConditionOperator.Qualifier.FOR_ANY_VALUE);
        assertThat(any.base()).isEqualTo("StringLike");
        ConditionOperator all = ConditionOperator.parse("ForAllValues:StringNotEquals");
        assertThat(all.qualifier()).isEqualTo(ConditionOperator.Qualifier.FOR_ALL_VALUES);
        assertThat(all.negated()).isTrue();
    }

    @Test
    void ifExists_isASuffixOfAnyOperatorButNull() {
        ConditionOperator op = ConditionOperator.parse("StringLikeIfExists");
        assertThat(op.ifExists()).isTrue();
        assertThat(op.base()).isEqualTo("StringLike");
        assertThat(ConditionOperator.parse("NotIpAddressIfExists").negated()).isTrue();
        assertThat(ConditionOperator.parse("BoolIfExists").ifExists()).isTrue();
        assertThat(ConditionOperator.parse("ForAllValues:ArnLikeIfExists").ifExists()).isTrue();
        assertThat(ConditionOperator.parse("ForAllValues:ArnLikeIfExists").qualifier())
                .isEqualTo(ConditionOperator.Qualifier.FOR_ALL_VALUES);
    }

    @ParameterizedTest(name = "{0} is no operator")
    @ValueSource(strings = {"NullIfExists", "ForAnyValue:NullIfExists", "ForAllValues:NullIfExists"})
    void null_cannotTakeIfExists(String name) {
        // "You can add IfExists to the end of any condition operator name except the Null condition";
        // Access Analyzer: NULL_WITH_IF_EXISTS is an error.
        assertThat(ConditionOperator.parse(name)).isNull();
    }

    @Test
    void null_isRecognisedAsTheExistenceCheck() {
        assertThat(ConditionOperator.parse("Null").isNull()).isTrue();
        assertThat(ConditionOperator.parse("StringEquals").isNull()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is no operator")
    @ValueSource(strings = {"", "IfExists", "ForAnyValue:", "ForAllValues:", "StringEqual", "StringEqualsX",
        "DateGreaterThanOrEqual", "DateLessThanOrEqual", "StringEqualsIfExistsIfExists", "IfExistsStringEquals",
        "ForAnyValue:ForAllValues:StringEquals", "ForAnyValue StringEquals", " StringEquals", "StringEquals ",
        "ForSomeValues:StringEquals", "NotStringEquals", "NumericLike", "IpAddressNot", "ArnNotIpAddress"})
    void unknownNames_parseToNull(String name) {
        assertThat(ConditionOperator.parse(name)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" is no operator: names are case-sensitive")
    @ValueSource(strings = {"stringEquals", "STRINGEQUALS", "stringequals", "bool", "BOOL", "null", "NULL",
        "foranyvalue:StringEquals", "FORALLVALUES:StringEquals", "StringEqualsifexists", "StringEqualsIFEXISTS",
        "ipaddress", "ArnLIKE"})
    void names_areCaseSensitive(String name) {
        assertThat(ConditionOperator.parse(name)).isNull();
    }
}
