package io.sigil.policy.validation;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import org.junit.jupiter.api.Test;

import static io.sigil.policy.validation.Policies.identity;
import static io.sigil.policy.validation.Policies.json;
import static io.sigil.policy.validation.Policies.statement;
import static io.sigil.policy.validation.Policies.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per MalformedPolicyDocument message: the document IAM rejects and the exact text it answers with
 * (as quoted from live AWS responses in public issue trackers and recorded by moto's IAM validator tests).
 */
class IamErrorMessagesTest {
    private static final String SYNTAX = "Syntax errors in policy.";
    private static final String LEGACY = "The policy failed legacy parsing";
    private static final String ALLOW_S3 = "'Effect':'Allow','Action':'s3:ListBucket',";

    private static void rejected(ValidationReport r, String code, String message) {
        assertThat(r.firstErrorMessage()).isEqualTo(message);
        assertThat(r.errors().get(0).code()).isEqualTo(code);
    }

    @Test
    void notJson_isRejectedAsSyntaxError_withLineAndColumn() {
        ValidationReport r = identity("This is not a json document");
        rejected(r, "JSON_SYNTAX_ERROR", SYNTAX);
        assertThat(r.errors().get(0).line()).isEqualTo(1);
        assertThat(r.errors().get(0).detail()).startsWith("Fix the JSON syntax error at line 1");
    }

    @Test
    void jsonArrayDocument_isRejectedAsSyntaxError() {
        rejected(identity("[]"), "JSON_SYNTAX_ERROR", SYNTAX);
    }

    @Test
    void unknownTopLevelElement_isRejectedAsSyntaxError() {
        ValidationReport r = identity(json("{'Version':'2012-10-17','Statement':{" + ALLOW_S3
                + "'Resource':'*'},'Extra field':'value'}"));
        rejected(r, "INVALID_POLICY_ELEMENT", SYNTAX);
        assertThat(r.errors().get(0).path()).isEqualTo("Extra field");
    }

    @Test
    void unknownStatementElement_isRejectedAsSyntaxError() {
        ValidationReport r = identity(statement(ALLOW_S3 + "'Resource':'*','Extra field':'value'"));
        rejected(r, "INVALID_POLICY_ELEMENT", SYNTAX);
        assertThat(r.errors().get(0).path()).isEqualTo("Statement.Extra field");
    }

    @Test
    void versionOtherThanTheTwoDates_isRejectedAsSyntaxError() {
        rejected(identity(json("{'Version':'2013-10-17','Statement':{" + ALLOW_S3 + "'Resource':'*'}}")),
                "INVALID_VERSION", SYNTAX);
    }

    @Test
    void missingStatement_isRejectedAsSyntaxError() {
        rejected(identity(json("{'Version':'2012-10-17'}")), "MISSING_STATEMENT", SYNTAX);
        rejected(identity(json("{'Version':'2012-10-17','Statement':[]}")), "MISSING_STATEMENT", SYNTAX);
    }

    @Test
    void statementThatIsNotAnObject_isRejectedAsSyntaxError() {
        rejected(identity(json("{'Version':'2012-10-17','Statement':['afd']}")), "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void idThatIsNotAString_isRejectedAsSyntaxError() {
        rejected(identity(json("{'Version':'2012-10-17','Id':{},'Statement':{" + ALLOW_S3 + "'Resource':'*'}}")),
                "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void missingEffect_isRejectedAsSyntaxError() {
        rejected(identity(statement("'Action':'s3:ListBucket','Resource':'*'")), "MISSING_EFFECT", SYNTAX);
    }

    @Test
    void effectOtherThanAllowOrDeny_isRejectedAsSyntaxError() {
        rejected(identity(statement("'Effect':'invalid','Action':'s3:ListBucket','Resource':'*'")),
                "INVALID_EFFECT", SYNTAX);
    }

    @Test
    void effectInTheWrongCase_failsLegacyParsing() {
        rejected(identity(statement("'Effect':'denY','Action':'s3:ListBucket','Resource':'*'")),
                "INVALID_EFFECT", LEGACY);
    }

    @Test
    void bothActionAndNotAction_isRejectedAsSyntaxError() {
        rejected(identity(statement("'Effect':'Allow','NotAction':'s3:ListBucket','Action':'iam:dsf','Resource':'*'")),
                "UNSUPPORTED_ELEMENT_COMBINATION", SYNTAX);
    }

    @Test
    void bothResourceAndNotResource_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws:s3:::b','NotResource':'*'")),
                "UNSUPPORTED_ELEMENT_COMBINATION", SYNTAX);
    }

    @Test
    void duplicatedElement_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Resource':'arn:aws:s3:::b'")),
                "DUPLICATE_ELEMENT", SYNTAX);
    }

    @Test
    void actionOfTheWrongJsonType_isRejectedAsSyntaxError() {
        rejected(identity(statement("'Effect':'Allow','Action':{},'Resource':'*'")), "DATA_TYPE_MISMATCH", SYNTAX);
        rejected(identity(statement("'Effect':'Deny','Action':[[]],'Resource':'*'")), "DATA_TYPE_MISMATCH", SYNTAX);
        rejected(identity(statement("'Effect':'Deny','Action':'s3:ListBucket','Resource':['adfdf',{}]")),
                "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void sidThatIsNotAString_isRejectedAsSyntaxError() {
        rejected(identity(statement("'Sid':[],'Effect':'Allow','Action':'s3:ListBucket','Resource':'*'")),
                "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void conditionOfTheWrongShape_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':[]")), "DATA_TYPE_MISMATCH", SYNTAX);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'DateGreaterThan':'b'}")),
                "DATA_TYPE_MISMATCH", SYNTAX);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'DateGreaterThan':{'a':{}}}")),
                "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void unknownConditionOperatorWithKeys_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'x':{'a':'1'}}")),
                "INVALID_CONDITION_OPERATOR", SYNTAX);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'ForAnyValue::StringEqualsIfExists':{'a':'asf'}}")),
                "INVALID_CONDITION_OPERATOR", SYNTAX);
    }

    @Test
    void unknownConditionOperatorOverAnEmptyObject_isAccepted() {
        assertThat(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'x':{},'y':{}}")).hasErrors()).isFalse();
    }

    @Test
    void nullWithIfExists_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'NullIfExists':{'aws:TokenIssueTime':'true'}}")),
                "NULL_WITH_IF_EXISTS", SYNTAX);
    }

    @Test
    void conditionValueThatIsNull_isRejectedAsSyntaxError() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'StringEquals':{'aws:username':null}}")),
                "DATA_TYPE_MISMATCH", SYNTAX);
    }

    @Test
    void managedPolicyWithoutVersion_isRejectedWithAwsMessage() {
        rejected(identity(json("{'Statement':{" + ALLOW_S3 + "'Resource':'arn:aws:s3:::example_bucket'}}")),
                "INVALID_VERSION", "Policy document must be version 2012-10-17 or greater.");
    }

    @Test
    void managedPolicyWithVersion2008_isRejectedWithAwsMessage() {
        rejected(identity(json("{'Version':'2008-10-17','Statement':{" + ALLOW_S3 + "'Resource':'*'}}")),
                "INVALID_VERSION", "Policy document must be version 2012-10-17 or greater.");
    }

    @Test
    void inlinePolicyWithoutVersion_isAcceptedWithAWarning() {
        ValidationReport r = PolicyValidator.validateInline(json("{'Statement':{" + ALLOW_S3 + "'Resource':'*'}}"),
                PolicyType.IDENTITY);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.codes()).contains("MISSING_VERSION");
    }

    @Test
    void identityPolicy_withPrincipal_isRejectedWithAwsMessage() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Principal':{'AWS':'123456789012'}")),
                "UNSUPPORTED_PRINCIPAL", "Policy document should not specify a principal.");
    }

    @Test
    void sessionAndBoundaryPolicies_withNotPrincipal_areRejectedWithAwsMessage() {
        String text = statement("'Effect':'Deny','Action':'s3:*','Resource':'*','NotPrincipal':{'AWS':'123456789012'}");
        assertThat(validate(text, PolicyType.SESSION).firstErrorMessage())
                .isEqualTo("Policy document should not specify a principal.");
        assertThat(validate(text, PolicyType.PERMISSIONS_BOUNDARY).firstErrorMessage())
                .isEqualTo("Policy document should not specify a principal.");
    }

    @Test
    void unreadableDateConditionValue_failsLegacyParsing() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'DateGreaterThan':{'a':'sdfdsf'}}")),
                "TYPE_MISMATCH_DATE", LEGACY);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'DateLessThanEquals':{'a':'234-13'}}")),
                "TYPE_MISMATCH_DATE", LEGACY);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'*','Condition':{'DateLessThan':{'a':'9223372036854775808'}}")),
                "TYPE_MISMATCH_DATE", LEGACY);
    }

    @Test
    void resourceArnWithTooFewFields_failsLegacyParsing() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws:s3::example_bucket'")), "MISSING_ARN_FIELD", LEGACY);
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws::fdsasf'")), "MISSING_ARN_FIELD", LEGACY);
    }

    @Test
    void duplicateSids_areRejectedWithAwsMessage() {
        rejected(identity(json("{'Version':'2012-10-17','Statement':[{'Sid':'sdf'," + ALLOW_S3 + "'Resource':'*'},"
                        + "{'Sid':'sdf','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}")),
                "UNIQUE_SIDS_REQUIRED", "Statement IDs (SID) in a single policy must be unique.");
    }

    @Test
    void sidWithCharactersOtherThanLettersAndDigits_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Sid':'autogenerated-id'," + ALLOW_S3 + "'Resource':'*'")), "UNSUPPORTED_SID",
                "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression "
                        + "[0-9A-Za-z]*");
    }

    @Test
    void missingAction_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Resource':'*'")), "MISSING_ACTION",
                "Policy statement must contain actions.");
        rejected(identity(statement("'Effect':'Allow','Action':[],'Resource':'*'")), "EMPTY_ARRAY_ACTION",
                "Policy statement must contain actions.");
    }

    @Test
    void missingResource_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Action':'s3:ListBucket'")), "MISSING_RESOURCE",
                "Policy statement must contain resources.");
        rejected(identity(statement("'Effect':'Allow','Action':'s3:ListBucket','Resource':[]")), "EMPTY_ARRAY_RESOURCE",
                "Policy statement must contain resources.");
    }

    @Test
    void resourceThatIsNotAnArn_isRejectedWithAwsMessage() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'invalid resource'")), "INVALID_ARN_PREFIX",
                "Resource invalid resource must be in ARN format or \"*\".");
        rejected(identity(statement(ALLOW_S3 + "'Resource':''")), "INVALID_ARN_PREFIX",
                "Resource  must be in ARN format or \"*\".");
    }

    @Test
    void resourceWithUnknownPartition_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','NotAction':'s3s:ListBucket','Resource':'a:bsdfdsafsad'")),
                "INVALID_PARTITION", "Partition \"bsdfdsafsad\" is not valid for resource \"arn:bsdfdsafsad:*:*:*:*\".");
        rejected(identity(statement("'Effect':'Allow','NotAction':'s3s:ListBucket','Resource':'a:b:c:d:e:f:g:h'")),
                "INVALID_PARTITION", "Partition \"b\" is not valid for resource \"arn:b:c:d:e:f:g:h\".");
        rejected(identity(statement(ALLOW_S3 + "'Resource':'aws:s3:::example_bucket'")),
                "INVALID_PARTITION", "Partition \"s3\" is not valid for resource \"arn:s3:::example_bucket:*\".");
    }

    @Test
    void resourceWithoutService_isRejectedWithAwsMessage() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws'")), "MISSING_ARN_FIELD",
                "Resource vendor must be fully qualified and cannot contain regexes.");
    }

    @Test
    void iamAndS3ResourcesWithRegion_areRejectedWithAwsMessages() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws:iam:us-east-1::example_bucket'")),
                "ARN_REGION_NOT_ALLOWED", "IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.");
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws:s3:us-east-1::example_bucket'")),
                "ARN_REGION_NOT_ALLOWED", "Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.");
    }

    @Test
    void iamResourceOfUnknownType_isRejectedWithAwsMessage() {
        rejected(identity(statement(ALLOW_S3 + "'Resource':'arn:aws:iam:::example_bucket'")), "INVALID_ARN_RESOURCE",
                "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, "
                        + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, "
                        + "oidc-provider/, report/, access-report/.");
    }

    @Test
    void actionWithoutVendor_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Action':'invalid','Resource':'*'")), "INVALID_ACTION",
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        rejected(identity(statement("'Effect':'Allow','NotAction':'','Resource':'*'")), "INVALID_ACTION",
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    }

    @Test
    void actionWithTwoColons_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Action':'s3:List:Bucket','Resource':'*'")), "INVALID_ACTION",
                "Actions/Condition can contain only one colon.");
    }

    @Test
    void actionWithInvalidVendor_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Action':'a a:ListBucket','Resource':'*'")),
                "INVALID_SERVICE_IN_ACTION", "Vendor a a is not valid");
    }

    @Test
    void actionWithWildcardInVendor_isRejectedWithAwsMessage() {
        rejected(identity(statement("'Effect':'Allow','Action':'*:Untag*','Resource':'*'")),
                "INVALID_SERVICE_IN_ACTION", "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards");
    }

    @Test
    void trustPolicy_withResource_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                + "'Action':'sts:AssumeRole','Resource':'*'"), PolicyType.TRUST);
        assertThat(r.firstErrorMessage()).isEqualTo("Has prohibited field Resource");
    }

    @Test
    void trustPolicy_withNonStsAction_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                + "'Action':['sts:AssumeRole','s3:GetObject']"), PolicyType.TRUST);
        rejected(r, "INVALID_ACTION", "AssumeRole policy may only specify STS AssumeRole actions.");
    }

    /** UpdateAssumeRolePolicy with "sts:InvalidAction", as AWS answered it (LocalStack's snapshots, 2026). */
    @Test
    void trustPolicy_withAnStsActionThatIsNoAssumeRoleAction_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                + "'Action':'sts:InvalidAction'"), PolicyType.TRUST);
        rejected(r, "INVALID_ACTION", "AssumeRole policy may only specify STS AssumeRole actions.");
    }

    /** CreateRole and UpdateAssumeRolePolicy with a document that is no JSON (LocalStack's snapshots, 2026). */
    @Test
    void trustPolicyThatIsNoJson_isRejectedWithIamsOwnMessage_whileOtherPoliciesKeepTheSyntaxMessage() {
        rejected(validate("not valid json", PolicyType.TRUST), "JSON_SYNTAX_ERROR",
                "This policy contains invalid Json");
        rejected(validate("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",}]}", PolicyType.TRUST),
                "JSON_SYNTAX_ERROR", "This policy contains invalid Json");
        rejected(validate("not valid json", PolicyType.IDENTITY), "JSON_SYNTAX_ERROR", SYNTAX);
    }

    @Test
    void resourceInAnyAwsPartition_isAccepted_butUnknownPartitionIsNot() {
        assertThat(identity(statement(ALLOW_S3 + "'Resource':'arn:aws-cn:s3:::b'")).hasErrors()).isFalse();
        rejected(identity(statement(ALLOW_S3 + "'Resource':['arn:error:s3:::example_bucket']")), "INVALID_PARTITION",
                "Partition \"error\" is not valid for resource \"arn:error:s3:::example_bucket\".");
    }

    @Test
    void trustPolicy_withoutPrincipal_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Action':'sts:AssumeRole'"), PolicyType.TRUST);
        assertThat(r.firstErrorMessage()).isEqualTo("Invalid principal in policy: "
                + "com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!");
    }

    @Test
    void trustPolicy_withoutResource_isAccepted() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
                + "'Action':'sts:AssumeRole'"), PolicyType.TRUST);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void resourcePolicy_withoutPrincipal_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement(ALLOW_S3 + "'Resource':'arn:aws:s3:::b'"), PolicyType.RESOURCE);
        assertThat(r.firstErrorMessage()).isEqualTo("Missing required field Principal");
    }

    @Test
    void invalidPrincipals_areRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Service':'amazonaws.com'},"
                + "'Action':'sts:AssumeRole'"), PolicyType.TRUST);
        rejected(r, "INVALID_PRINCIPAL_FORMAT", "Invalid principal in policy: \"SERVICE\":\"amazonaws.com\"");
        r = validate(statement("'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::1234567890:user'},"
                + "'Action':'sts:AssumeRole'"), PolicyType.TRUST);
        rejected(r, "INVALID_PRINCIPAL_FORMAT", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::1234567890:user\"");
    }

    @Test
    void partialWildcardInPrincipal_isRejectedWithAwsMessage() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:role/*'},"
                + "'Action':'sts:AssumeRole'"), PolicyType.TRUST);
        rejected(r, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
                "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/*\"");
    }

    @Test
    void principalKeyOtherThanTheFour_isRejectedAsSyntaxError() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'Users':'x'},'Action':'sts:AssumeRole'"),
                PolicyType.TRUST);
        rejected(r, "INVALID_PRINCIPAL_KEY", SYNTAX);
    }

    @Test
    void characterOutsideLatin1_isRejectedWithTheApiPattern() {
        ValidationReport r = identity(statement("'Sid':'caf\u00e9\u20ac'," + ALLOW_S3 + "'Resource':'*'"));
        Finding f = r.errors().get(0);
        assertThat(f.code()).isEqualTo("INVALID_CHARACTER");
        assertThat(f.message()).isEqualTo("Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        assertThat(f.detail()).contains("U+20AC");
    }

    @Test
    void scpWithPrincipal_isRejectedWithOrganizationsMessage() {
        ValidationReport r = validate(statement("'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*'"),
                PolicyType.SCP);
        assertThat(r.firstErrorMessage())
                .isEqualTo("The provided policy document does not meet the requirements of the specified policy type.");
        assertThat(r.errors().get(0).code()).isEqualTo("SCP_SYNTAX_ERROR_PRINCIPAL");
    }
}
