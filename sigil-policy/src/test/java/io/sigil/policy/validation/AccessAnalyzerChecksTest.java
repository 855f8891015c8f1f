package io.sigil.policy.validation;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.Severity;
import io.sigil.policy.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sigil.policy.validation.Policies.identity;
import static io.sigil.policy.validation.Policies.json;
import static io.sigil.policy.validation.Policies.statement;
import static io.sigil.policy.validation.Policies.validate;
import static io.sigil.policy.validation.Policies.withCode;
import static org.assertj.core.api.Assertions.assertThat;

/** Security warnings, warnings and suggestions, named after Access Analyzer's policy checks. */
class AccessAnalyzerChecksTest {
    private static String allow(String action, String resource) {
        return statement("'Effect':'Allow','Action':" + action + ",'Resource':" + resource);
    }

    private static String withCondition(String condition) {
        return statement("'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':" + condition);
    }

    private static Finding only(ValidationReport r, String code) {
        List<Finding> found = withCode(r, code);
        assertThat(found).as("findings %s", r.findings()).hasSize(1);
        return found.get(0);
    }

    private static void accepted(ValidationReport r) {
        assertThat(r.errors()).as("errors").isEmpty();
    }

    @Test
    void passRoleOnAnyResource_isSecurityWarning() {
        ValidationReport r = identity(allow("'iam:PassRole'", "'*'"));
        accepted(r);
        Finding f = only(r, "PASS_ROLE_WITH_STAR_IN_RESOURCE");
        assertThat(f.severity()).isEqualTo(Severity.SECURITY_WARNING);
        assertThat(f.path()).isEqualTo("Statement");
    }

    @Test
    void passRoleOnAnyResource_withPassedToService_isNotReported() {
        ValidationReport r = identity(statement("'Effect':'Allow','Action':'iam:PassRole','Resource':'*',"
                + "'Condition':{'StringEquals':{'iam:PassedToService':'ec2.amazonaws.com'}}"));
        assertThat(r.codes()).doesNotContain("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    }

    @Test
    void starActionOnStarResource_isPassRoleAndCreateSlrWarnings() {
        ValidationReport r = identity(allow("'*'", "'*'"));
        assertThat(r.codes()).contains("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
                "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE");
    }

    @Test
    void passRoleWithNotResource_isSecurityWarning() {
        ValidationReport r = identity(statement("'Effect':'Allow','Action':'iam:PassRole','NotResource':'arn:aws:iam::123456789012:role/Admin'"));
        assertThat(r.codes()).contains("PASS_ROLE_WITH_NOT_RESOURCE", "ALLOW_WITH_NOT_RESOURCE");
    }

    @Test
    void notActionOnStarResource_isPassRoleAndAllowWithNotActionWarnings() {
        ValidationReport r = identity(statement("'Effect':'Allow','NotAction':'s3:*','Resource':'*'"));
        assertThat(r.codes()).contains("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", "ALLOW_WITH_NOT_ACTION");
    }

    @Test
    void notActionWithNotResource_isPassRoleWarning() {
        ValidationReport r = identity(statement("'Effect':'Allow','NotAction':'s3:*','NotResource':'arn:aws:s3:::b'"));
        assertThat(r.codes()).contains("PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE");
    }

    @Test
    void denyWithNotAction_isNotAllowWithNotAction() {
        ValidationReport r = identity(statement("'Effect':'Deny','NotAction':'s3:*','Resource':'*'"));
        assertThat(r.codes()).doesNotContain("ALLOW_WITH_NOT_ACTION", "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
    }

    @Test
    void allowWithNotPrincipal_isSecurityWarning() {
        ValidationReport r = validate(statement("'Effect':'Allow','NotPrincipal':{'AWS':'123456789012'},"
                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'"), PolicyType.RESOURCE);
        assertThat(only(r, "ALLOW_WITH_NOT_PRINCIPAL").severity()).isEqualTo(Severity.SECURITY_WARNING);
    }

    @Test
    void unknownAction_isWarningNotError() {
        ValidationReport r = identity(allow("'s3:ListMyBuckets'", "'*'"));
        accepted(r);
        Finding f = only(r, "INVALID_ACTION");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).isEqualTo("The action s3:ListMyBuckets does not exist.");
    }

    @Test
    void actionNamesAreCaseInsensitive() {
        assertThat(identity(allow("'IAM:listaccesskeys'", "'*'")).codes()).doesNotContain("INVALID_ACTION");
    }

    @Test
    void wildcardActionMatchingNothing_isUnknownAction() {
        assertThat(identity(allow("'s3:Gett*'", "'*'")).codes()).contains("INVALID_ACTION");
        assertThat(identity(allow("'s3:Get*'", "'*'")).codes()).doesNotContain("INVALID_ACTION");
    }

    @Test
    void unknownService_isWarning() {
        Finding f = only(identity(allow("'codedploy:CreateApplication'", "'*'")), "INVALID_SERVICE_IN_ACTION");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void redundantAction_isSuggestion() {
        ValidationReport r = identity(allow("['iam:Get*','iam:List*','iam:GetCredentialReport']", "'*'"));
        Finding f = only(r, "REDUNDANT_ACTION");
        assertThat(f.path()).isEqualTo("Statement.Action[2]");
        assertThat(f.severity()).isEqualTo(Severity.SUGGESTION);
    }

    @Test
    void partlyCoveredWildcardAction_isNotRedundant() {
        assertThat(identity(allow("['iam:Get*','iam:*CredentialReport']", "'*'")).codes())
                .doesNotContain("REDUNDANT_ACTION");
    }

    @Test
    void redundantResource_isSuggestion() {
        ValidationReport r = identity(allow("'iam:GetRole'", "['arn:aws:iam::111122223333:role/jane-admin',"
                + "'arn:aws:iam::111122223333:role/jane*']"));
        assertThat(only(r, "REDUNDANT_RESOURCE").path()).isEqualTo("Statement.Resource[0]");
    }

    @Test
    void identicalStatements_areRedundant() {
        String st = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
        ValidationReport r = identity(json("{'Version':'2012-10-17','Statement':[" + st + "," + st + "]}"));
        assertThat(only(r, "REDUNDANT_STATEMENT").path()).isEqualTo("Statement[1]");
    }

    @Test
    void misspelledGlobalKey_isUnknown_butCaseDoesNotMatter() {
        ValidationReport r = identity(withCondition("{'IpAddress':{'aws:SourceIP':'203.0.113.0/24','aws:sourceipp':'1.2.3.4'}}"));
        Finding f = only(r, "INVALID_GLOBAL_CONDITION_KEY");
        assertThat(f.path()).isEqualTo("Statement.Condition.IpAddress.aws:sourceipp");
    }

    @Test
    void unknownServiceConditionKey_isWarning() {
        ValidationReport r = identity(withCondition("{'StringEquals':{'s3:prefixx':'home/'}}"));
        assertThat(only(r, "INVALID_SERVICE_CONDITION_KEY").message())
                .isEqualTo("The condition key s3:prefixx does not exist in the service s3. Use a valid condition key.");
    }

    @Test
    void conditionKeyOfUnknownService_isInvalidService() {
        assertThat(identity(withCondition("{'StringEquals':{'nosuchsvc:key':'x'}}")).codes()).contains("INVALID_SERVICE");
    }

    @Test
    void tagKeysMatchByPrefix_andNeedATagName() {
        assertThat(identity(withCondition("{'StringEquals':{'aws:ResourceTag/Team':'x'}}")).codes())
                .doesNotContain("INVALID_GLOBAL_CONDITION_KEY");
        assertThat(identity(withCondition("{'StringEquals':{'aws:ResourceTag':'x'}}")).codes())
                .contains("MISSING_TAG_KEY_IN_CONDITION");
    }

    @Test
    void conditionKeyWithoutVendor_isInvalidFormat() {
        assertThat(identity(withCondition("{'StringEquals':{'username':'x'}}")).codes())
                .contains("INVALID_CONDITION_KEY_FORMAT");
    }

    @Test
    void dateOperatorOnIpKey_isTypeMismatch() {
        ValidationReport r = identity(withCondition("{'DateGreaterThan':{'aws:SourceIp':'2020-01-01'}}"));
        assertThat(only(r, "TYPE_MISMATCH").message()).isEqualTo(
                "Use the operator type IPAddress instead of operator DateGreaterThan for the condition key aws:SourceIp.");
    }

    @Test
    void ipOperatorOnStringKey_isTypeMismatch() {
        assertThat(identity(withCondition("{'IpAddress':{'aws:username':'10.0.0.0/8'}}")).codes()).contains("TYPE_MISMATCH");
    }

    @Test
    void stringOperatorOnArnKey_isAccepted() {
        assertThat(identity(withCondition("{'StringLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/x'}}")).codes())
                .doesNotContain("TYPE_MISMATCH");
    }

    @Test
    void boolValueOtherThanTrueOrFalse_isTypeMismatchBoolean() {
        assertThat(identity(withCondition("{'Bool':{'aws:SecureTransport':'yes'}}")).codes()).contains("TYPE_MISMATCH_BOOLEAN");
    }

    @Test
    void boolWithBothValues_isMultipleBoolean() {
        assertThat(identity(withCondition("{'Bool':{'aws:SecureTransport':['true','false']}}")).codes())
                .contains("INVALID_CONDITION_MULTIPLE_BOOLEAN");
    }

    @Test
    void numericValueThatIsNoNumber_isTypeMismatchNumber() {
        assertThat(identity(withCondition("{'NumericLessThan':{'aws:MultiFactorAuthAge':'one hour'}}")).codes())
                .contains("TYPE_MISMATCH_NUMBER");
    }

    @Test
    void severalLessThanValues_areRedundant() {
        assertThat(identity(withCondition("{'NumericLessThan':{'aws:MultiFactorAuthAge':['2700','3600']}}")).codes())
                .contains("REDUNDANT_CONDITION_VALUE_NUM");
    }

    @Test
    void dateThatIamReadsButIsNotIso8601_isTypeMismatchDate() {
        ValidationReport r = identity(withCondition("{'DateGreaterThan':{'aws:CurrentTime':'01T'}}"));
        accepted(r);
        assertThat(r.codes()).contains("TYPE_MISMATCH_DATE");
    }

    @Test
    void epochDate_isInvalidDateValue() {
        assertThat(identity(withCondition("{'DateGreaterThan':{'aws:CurrentTime':'1700000000'}}")).codes())
                .contains("INVALID_DATE_VALUE");
    }

    @Test
    void unparseableIpRange_isTypeMismatchIpRange() {
        assertThat(identity(withCondition("{'IpAddress':{'aws:SourceIp':'300.1.2.3/8'}}")).codes())
                .contains("TYPE_MISMATCH_IP_RANGE");
    }

    @Test
    void ipRangeWithHostBits_isImproveIpRange() {
        Finding f = only(identity(withCondition("{'IpAddress':{'aws:SourceIp':'203.0.113.7/24'}}")), "IMPROVE_IP_RANGE");
        assertThat(f.message()).endsWith("Replace address 203.0.113.7/24 with 203.0.113.0/24.");
    }

    @Test
    void privateSourceIp_isWarned() {
        assertThat(identity(withCondition("{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}")).codes()).contains("PRIVATE_IP_ADDRESS");
        assertThat(identity(withCondition("{'NotIpAddress':{'aws:SourceIp':['10.0.0.0/8','203.0.113.0/24']}}")).codes())
                .contains("PRIVATE_NOT_IP_ADDRESS_SUBSET");
    }

    @Test
    void binaryValueThatIsNotBase64_isTypeMismatchString() {
        assertThat(identity(withCondition("{'BinaryEquals':{'aws:username':'not base64!'}}")).codes())
                .contains("TYPE_MISMATCH_STRING");
    }

    @Test
    void wildcardWithEqualsOperator_isWarned() {
        assertThat(identity(withCondition("{'StringEquals':{'aws:PrincipalTag/job':'admin-*'}}")).codes())
                .contains("WILDCARD_WITHOUT_LIKE_OPERATOR");
        assertThat(identity(withCondition("{'StringLike':{'aws:PrincipalTag/job':'admin-*'}}")).codes())
                .doesNotContain("WILDCARD_WITHOUT_LIKE_OPERATOR");
    }

    @Test
    void multivaluedKeyWithoutQualifier_isMissingQualifier() {
        assertThat(identity(withCondition("{'StringEquals':{'aws:TagKeys':'Team'}}")).codes()).contains("MISSING_QUALIFIER");
    }

    @Test
    void forAllValuesOnSingleValuedKey_isSecurityWarning() {
        Finding f = only(identity(withCondition("{'ForAllValues:StringEquals':{'aws:username':'bob'}}")),
                "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
        assertThat(f.severity()).isEqualTo(Severity.SECURITY_WARNING);
    }

    @Test
    void forAllValuesWithAllow_withoutNullCheck_isSecurityWarning() {
        assertThat(identity(withCondition("{'ForAllValues:StringEquals':{'aws:TagKeys':['Team']}}")).codes())
                .contains("ALLOW_WITH_FOR_ALL_VALUES");
        assertThat(identity(withCondition("{'ForAllValues:StringEquals':{'aws:TagKeys':['Team']},"
                + "'Null':{'aws:TagKeys':'false'}}")).codes()).doesNotContain("ALLOW_WITH_FOR_ALL_VALUES");
    }

    @Test
    void ifExistsOnKeyThatIsAlwaysPresent_isSuggestion() {
        assertThat(identity(withCondition("{'BoolIfExists':{'aws:SecureTransport':'true'}}")).codes())
                .contains("IF_EXISTS_ON_ALWAYS_PRESENT_KEY");
    }

    @Test
    void nullWithQualifier_isSuggestion() {
        assertThat(identity(withCondition("{'ForAnyValue:Null':{'aws:TagKeys':'true'}}")).codes())
                .contains("NULL_WITH_QUALIFIER");
    }

    @Test
    void emptyArrays_andEmptyObjects_areSuggestions() {
        assertThat(identity(withCondition("{}")).codes()).contains("EMPTY_OBJECT_CONDITION");
        assertThat(identity(withCondition("{'StringEquals':{'aws:username':[]}}")).codes()).contains("EMPTY_ARRAY_CONDITION");
        assertThat(identity(withCondition("{'ForAllValues:StringEquals':{'aws:TagKeys':[]}}")).codes())
                .contains("EMPTY_ARRAY_CONDITION_FORALLVALUES");
        assertThat(identity(withCondition("{'ForAnyValue:StringEquals':{'aws:TagKeys':[]}}")).codes())
                .contains("EMPTY_ARRAY_CONDITION_FORANYVALUE");
        assertThat(identity(withCondition("{'StringEqualsIfExists':{'aws:username':[]}}")).codes())
                .contains("EMPTY_ARRAY_CONDITION_IFEXISTS");
        assertThat(identity(statement("'Sid':'','Effect':'Allow','Action':'s3:GetObject','Resource':'*'")).codes())
                .contains("EMPTY_SID_VALUE");
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'AWS':[]},'Action':'s3:GetObject',"
                + "'Resource':'arn:aws:s3:::b/*'"), PolicyType.RESOURCE);
        assertThat(r.codes()).contains("EMPTY_ARRAY_PRINCIPAL");
    }

    @Test
    void resourcePolicyWithEmptyActionArray_isSuggestionNotError() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':'*','Action':[],'Resource':'arn:aws:s3:::b/*'"),
                PolicyType.RESOURCE);
        accepted(r);
        assertThat(r.codes()).contains("EMPTY_ARRAY_ACTION");
    }

    @Test
    void variablesInPolicyWithoutVersion2012_areLiteral_andWarned() {
        ValidationReport r = validate(json("{'Statement':{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'arn:aws:s3:::b/${aws:username}/*'}}"), PolicyType.SESSION);
        accepted(r);
        assertThat(r.codes()).contains("VARIABLE_UNSUPPORTED_IN_VERSION", "MISSING_VERSION");
    }

    @Test
    void variableInNumericOperator_isInvalidVariableForOperator() {
        assertThat(identity(withCondition("{'NumericLessThan':{'aws:MultiFactorAuthAge':'${aws:username}'}}")).codes())
                .contains("INVALID_VARIABLE_FOR_OPERATOR");
    }

    @Test
    void variableInAction_isUnsupportedInElement() {
        assertThat(identity(allow("'s3:${aws:username}'", "'*'")).codes()).contains("VARIABLE_UNSUPPORTED_IN_ELEMENT");
    }

    @Test
    void malformedVariables_areWarned() {
        assertThat(identity(allow("'s3:GetObject'", "'arn:aws:s3:::b/${aws:username'")).codes())
                .contains("MISSING_BRACE_IN_VARIABLE");
        assertThat(identity(allow("'s3:GetObject'", "'arn:aws:s3:::b/${}'")).codes()).contains("EMPTY_VARIABLE");
        assertThat(identity(allow("'s3:GetObject'", "'arn:aws:s3:::b/${aws: username}'")).codes())
                .contains("UNSUPPORTED_SPACE_IN_VARIABLE");
    }

    @Test
    void duplicateConditionKeysWithDifferentCase_areWarned() {
        assertThat(identity(withCondition("{'StringEquals':{'aws:username':'a','aws:UserName':'b'}}")).codes())
                .contains("DUPLICATE_KEYS_WITH_DIFFERENT_CASE");
    }

    @Test
    void deprecatedAwsArnKey_isWarned() {
        assertThat(identity(withCondition("{'ArnEquals':{'aws:ARN':'arn:aws:iam::123456789012:user/x'}}")).codes())
                .contains("DEPRECATED_GLOBAL_CONDITION_KEY");
    }

    @Test
    void vpcSourceIpWithoutSourceVpc_isMissingPairedConditionKeys() {
        assertThat(identity(withCondition("{'IpAddress':{'aws:VpcSourceIp':'10.0.0.0/8'}}")).codes())
                .contains("MISSING_PAIRED_CONDITION_KEYS");
    }

    @Test
    void wildcardInResourceServiceName_isSuggestion() {
        assertThat(identity(allow("'s3:GetObject'", "'arn:aws:*code*::111122223333:*'")).codes())
                .contains("WILDCARD_IN_SERVICE_NAME");
    }

    @Test
    void principalGivenAsUniqueId_isInvalidRoleReference() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'AWS':'AROAEXAMPLEID1234567'},"
                + "'Action':'sts:AssumeRole'"), PolicyType.TRUST);
        assertThat(r.codes()).contains("INVALID_ROLE_REFERENCE");
    }

    @Test
    void resourcePolicyWithDuplicateSids_isWarnedNotRejected() {
        ValidationReport r = validate(json("{'Version':'2012-10-17','Statement':["
                + "{'Sid':'A B','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'},"
                + "{'Sid':'A B','Effect':'Deny','Principal':'*','Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'}]}"),
                PolicyType.RESOURCE);
        accepted(r);
        assertThat(r.codes()).contains("UNIQUE_SIDS_RECOMMENDED");
    }

    @Test
    void idInIdentityPolicy_isSuggestion() {
        assertThat(identity(json("{'Version':'2012-10-17','Id':'x','Statement':{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'*'}}")).codes()).contains("ID_IN_IDENTITY_POLICY");
    }
}
