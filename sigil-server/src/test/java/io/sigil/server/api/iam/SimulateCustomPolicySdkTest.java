package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.OrderedOrganizationPolicyType;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/** SimulateCustomPolicy through the AWS SDK for Java v2 (IAM API Reference, "SimulateCustomPolicy"). */
class SimulateCustomPolicySdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";

    private static IamClient iam;

    @BeforeAll
    static void start() {
        iam = SharedServer.get().rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    private static EvaluationResult only(SimulateCustomPolicyResponse r) {
        assertThat(r.evaluationResults()).hasSize(1);
        return r.evaluationResults().get(0);
    }

    @Test
    void anAllowStatement_allows_andIsReportedWithItsSourceAndPosition() {
        String policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"Read\",\n"
                + "      \"Effect\": \"Allow\",\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"*\"\n    }\n"
                + "  ]\n}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy)
                .actionNames("s3:GetObject")));
        assertThat(r.evalActionName()).isEqualTo("s3:GetObject");
        assertThat(r.evalResourceName()).isEqualTo("*");
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        Statement s = r.matchedStatements().get(0);
        assertThat(s.sourcePolicyId()).isEqualTo("PolicyInputList.1");
        assertThat(s.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        // The statement's object opens on line 4, column 5 and closes on line 9, column 5; AWS ends the span just
        // after the brace.
        assertThat(s.startPosition().line()).isEqualTo(4);
        assertThat(s.startPosition().column()).isEqualTo(5);
        assertThat(s.endPosition().line()).isEqualTo(9);
        assertThat(s.endPosition().column()).isEqualTo(6);
        assertThat(r.missingContextValues()).isEmpty();
        assertThat(r.hasResourceSpecificResults()).isFalse();
        // OrganizationsDecisionDetail "only applies if the simulated user's account is part of an organization";
        // Sigil's accounts are in none.
        assertThat(r.organizationsDecisionDetail()).isNull();
    }

    /**
     * sts:AssumeRole and the other AssumeRole actions are simulated from the identity-based policies alone, as AWS's
     * simulator answers them (aws/aws-cli#10314): no trust policy is needed, and one passed is not evaluated.
     */
    @Test
    void theAssumeRoleActions_areAllowedByAnIdentityPolicyAlone_whateverTheResourcePolicy() {
        for (String action : new String[] {"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"}) {
            EvaluationResult any = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow(action, "*"))
                    .actionNames(action)));
            assertThat(any.evalDecision()).as(action).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(any.matchedStatements()).extracting(Statement::sourcePolicyId)
                    .containsExactly("PolicyInputList.1");
        }
        String role = "arn:aws:iam::" + ACCOUNT + ":role/deploy";
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRole\"}]}";
        EvaluationResult withDeny = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("sts:AssumeRole", role))
                .actionNames("sts:AssumeRole").resourceArns(role).resourcePolicy(denyAll).callerArn(ALICE)));
        assertThat(withDeny.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        EvaluationResult otherRole = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("sts:AssumeRole", role))
                .actionNames("sts:AssumeRole").resourceArns("arn:aws:iam::" + ACCOUNT + ":role/other")));
        assertThat(otherRole.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        // sts:TagSession is not of the family: a Deny in the resource policy still counts.
        String denyTag = denyAll.replace("sts:AssumeRole", "sts:TagSession");
        EvaluationResult tag = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("sts:TagSession", "*"))
                .actionNames("sts:TagSession").resourceArns(role).resourcePolicy(denyTag).callerArn(ALICE)));
        assertThat(tag.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        EvaluationResult tagAlone = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("sts:TagSession", "*"))
                .actionNames("sts:TagSession")));
        assertThat(tagAlone.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        // A ResourcePolicy must still read as a resource-based or a trust policy: this one names no principal.
        String noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"sts:AssumeRole\"}]}";
        var invalid = awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("sts:AssumeRole", "*"))
                .actionNames("sts:AssumeRole").resourcePolicy(noPrincipal).callerArn(ALICE)),
                InvalidInputException.class, 400, "InvalidInput", null);
        assertThat(invalid.awsErrorDetails().errorMessage()).startsWith("Invalid policy document in ResourcePolicy: ");
    }

    /**
     * A Terraform-minified policy and the positions AWS answered for it in a published 2026 run
     * (github.com/ravikus1457/aws-labs, lab 03, REPORT.md): the first statement's brace at column 15, and the column
     * just after its closing brace, 165.
     */
    @Test
    void positions_areTheOpeningBrace_andTheColumnAfterTheClosingBrace_asAwsAnswers() {
        String policy = "{\"Statement\":[{\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Effect\":\"Allow\","
                + "\"Resource\":\"arn:aws:s3:::awslabs-r20261001-094515-1582130-data/*\",\"Sid\":\"ReadWriteObjects\"},"
                + "{\"Action\":\"s3:ListBucket\",\"Effect\":\"Allow\",\"Resource\":"
                + "\"arn:aws:s3:::awslabs-r20261001-094515-1582130-data\",\"Sid\":\"ListBucket\"}],"
                + "\"Version\":\"2012-10-17\"}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::awslabs-r20261001-094515-1582130-data/test.txt")));
        Statement s = r.matchedStatements().get(0);
        assertThat(s.startPosition().line()).isEqualTo(1);
        assertThat(s.startPosition().column()).isEqualTo(15);
        assertThat(s.endPosition().line()).isEqualTo(1);
        assertThat(s.endPosition().column()).isEqualTo(165);
        assertThat(s.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        // ResourceSpecificResults carry EvalDecisionDetails only for cross-account simulations (IAM API Reference).
        assertThat(r.resourceSpecificResults()).singleElement()
                .satisfies(each -> assertThat(each.hasEvalDecisionDetails()).isFalse());
        assertThat(r.hasEvalDecisionDetails()).isTrue();
    }

    /** The policy and action of boto/boto3#3111, where AWS lists the key of the other action's statement too. */
    @Test
    void missingContextValues_listTheKeysOfEveryStatement_notOnlyOfThoseForTheAction() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::example-bucket\",\"Condition\":{\"StringLike\":"
                + "{\"aws:PrincipalTag/allowed_service\":\"s3\"}}},{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::example-bucket/${aws:username}\"}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:ListBucket")
                .resourceArns("arn:aws:s3:::example-bucket")));
        assertThat(r.resourceSpecificResults()).singleElement().satisfies(each -> assertThat(
                each.missingContextValues()).containsExactlyInAnyOrder("aws:PrincipalTag/allowed_service",
                "aws:username"));
        EvaluationResult any = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy)
                .actionNames("s3:ListBucket")));
        assertThat(any.missingContextValues()).containsExactlyInAnyOrder("aws:PrincipalTag/allowed_service",
                "aws:username");
    }

    /**
     * OrderedOrganizationPolicyInputList: each level of an Organizations hierarchy must allow, a Deny at any level
     * denies, OrganizationsDecisionDetail says what the SCPs alone decided, and a key read only by an SCP is not
     * reported missing (IAM User Guide, "Testing IAM policies with the IAM policy simulator": "not returned for
     * security reasons").
     */
    @Test
    void serviceControlPolicies_limitTheSimulation_levelByLevel_andReportOrganizationsDecisionDetail() {
        String allowSqsOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:*\","
                + "\"Resource\":\"*\"}]}";
        String allowAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}]}";
        String regionLock = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]}";
        var levels = List.of(OrderedOrganizationPolicyType.builder().serviceControlPolicyInputList(allowAll).build(),
                OrderedOrganizationPolicyType.builder().serviceControlPolicyInputList(allowSqsOnly).build());
        SimulateCustomPolicyResponse r = iam.simulateCustomPolicy(b -> b.policyInputList(allow("*", "*"))
                .orderedOrganizationPolicyInputList(levels).actionNames("s3:GetObject", "sqs:SendMessage"));
        EvaluationResult s3 = r.evaluationResults().get(0);
        assertThat(s3.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(s3.organizationsDecisionDetail().allowedByOrganizations()).isFalse();
        EvaluationResult sqs = r.evaluationResults().get(1);
        assertThat(sqs.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(sqs.organizationsDecisionDetail().allowedByOrganizations()).isTrue();

        var locked = List.of(OrderedOrganizationPolicyType.builder()
                .serviceControlPolicyInputList(allowAll, regionLock).build());
        EvaluationResult denied = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("*", "*"))
                .orderedOrganizationPolicyInputList(locked).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::b/k").contextEntries(entry("aws:RequestedRegion",
                        ContextKeyTypeEnum.STRING, "us-east-1"))));
        assertThat(denied.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(denied.matchedStatements()).extracting(Statement::sourcePolicyId)
                .containsExactly("OrderedOrganizationPolicyInputList.1.ServiceControlPolicyInputList.2");
        assertThat(denied.organizationsDecisionDetail().allowedByOrganizations()).isFalse();
        assertThat(denied.hasEvalDecisionDetails()).isFalse();
        EvaluationResult unknownRegion = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("*", "*"))
                .orderedOrganizationPolicyInputList(locked).actionNames("s3:GetObject")));
        assertThat(unknownRegion.missingContextValues()).doesNotContain("aws:RequestedRegion");

        String badScp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        var invalid = awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("*", "*"))
                .orderedOrganizationPolicyInputList(OrderedOrganizationPolicyType.builder()
                        .serviceControlPolicyInputList(badScp).build()).actionNames("s3:GetObject")),
                InvalidInputException.class, 400, "InvalidInput", null);
        assertThat(invalid.awsErrorDetails().errorMessage()).startsWith(
                "Invalid policy document in OrderedOrganizationPolicyInputList.1.ServiceControlPolicyInputList: ");
    }

    @Test
    void anApplicableDeny_isAnExplicitDeny_reportingTheDenyingStatementOfTheSecondPolicy() {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"), deny)
                .actionNames("s3:PutObject")));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(r.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("PolicyInputList.2");
    }

    @Test
    void noApplicableAllow_isAnImplicitDeny_withNoMatchedStatement() {
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:GetObject", "*"))
                .actionNames("ec2:RunInstances")));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(r.matchedStatements()).isEmpty();
    }

    /**
     * "The simulator now returns a single EvaluationResult per action, regardless of how many resource ARNs are
     * provided ... The top-level EvalDecision reflects the most restrictive decision across all resources" (IAM API
     * Reference, "EvaluationResult").
     */
    @Test
    void eachAction_isOneResult_withTheMostRestrictiveDecision_andEachResourceInResourceSpecificResults() {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\","
                + "\"Resource\":\"arn:aws:s3:::other/*\"}]}";
        SimulateCustomPolicyResponse r = iam.simulateCustomPolicy(b -> b
                .policyInputList(allow("s3:*", "arn:aws:s3:::docs/*"), deny)
                .actionNames("s3:GetObject", "s3:PutObject", "s3:DeleteObject")
                .resourceArns("arn:aws:s3:::docs/a", "arn:aws:s3:::other/b"));
        assertThat(r.evaluationResults()).extracting(e -> e.evalActionName() + " " + e.evalResourceName() + " "
                + e.evalDecisionAsString()).containsExactly(
                "s3:GetObject * implicitDeny",
                "s3:PutObject * implicitDeny",
                "s3:DeleteObject * explicitDeny");
        EvaluationResult get = r.evaluationResults().get(0);
        assertThat(get.matchedStatements()).isEmpty();
        assertThat(get.resourceSpecificResults()).extracting(x -> x.evalResourceName() + " "
                + x.evalResourceDecisionAsString()).containsExactly("arn:aws:s3:::docs/a allowed",
                "arn:aws:s3:::other/b implicitDeny");
        ResourceSpecificResult first = get.resourceSpecificResults().get(0);
        assertThat(first.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("PolicyInputList.1");
        EvaluationResult delete = r.evaluationResults().get(2);
        assertThat(delete.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("PolicyInputList.2");
        SimulateCustomPolicyResponse allowed = iam.simulateCustomPolicy(b -> b
                .policyInputList(allow("s3:*", "arn:aws:s3:::docs/*"))
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::docs/a", "arn:aws:s3:::docs/b"));
        assertThat(allowed.evaluationResults()).singleElement().satisfies(e -> {
            assertThat(e.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(e.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("PolicyInputList.1");
        });
        assertThat(r.isTruncated()).isFalse();
    }

    @Test
    void missingContextValues_listKeysThePoliciesReadButTheRequestLacks_onTheResultForStar() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:GetObject")
                .contextEntries(entry("aws:SecureTransport", ContextKeyTypeEnum.BOOLEAN, "true"))));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(r.missingContextValues()).containsExactly("aws:SourceIp");
    }

    @Test
    void missingContextValues_forAnExplicitStar_stayOnTheResult() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"home/\"}}}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:ListBucket")
                .resourceArns("*")));
        assertThat(r.missingContextValues()).containsExactly("s3:prefix");
        assertThat(r.hasResourceSpecificResults()).isFalse();
    }

    @Test
    void missingContextValues_forListedResources_areReportedPerResource_andAggregatedAtTheTop() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::home/bob/x")));
        assertThat(r.evalResourceName()).isEqualTo("arn:aws:s3:::home/bob/x");
        assertThat(r.missingContextValues()).containsExactly("aws:username");
        assertThat(r.resourceSpecificResults().get(0).missingContextValues()).containsExactly("aws:username");
    }

    @Test
    void theCallerArnSuppliesPrincipalKeys_soPolicyVariablesResolve() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        SimulateCustomPolicyResponse r = iam.simulateCustomPolicy(b -> b.policyInputList(policy).callerArn(ALICE)
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::home/alice/x", "arn:aws:s3:::home/bob/x"));
        assertThat(r.evaluationResults()).singleElement().satisfies(e -> {
            assertThat(e.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
            assertThat(e.resourceSpecificResults()).extracting(ResourceSpecificResult::evalResourceDecisionAsString)
                    .containsExactly("allowed", "implicitDeny");
        });
    }

    @Test
    void everyContextKeyType_isReadAsItsType() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"s3:prefix\":\"home/\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"a\",\"b\"]},"
                + "\"NumericLessThan\":{\"s3:max-keys\":\"10\"},"
                + "\"ForAnyValue:NumericEquals\":{\"test:Numbers\":\"7\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"ForAnyValue:Bool\":{\"test:Flags\":\"false\"},"
                + "\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
                + "\"ForAnyValue:IpAddress\":{\"test:Ips\":\"192.0.2.0/24\"},"
                + "\"BinaryEquals\":{\"test:Blob\":\"QmluYXJ5\"},"
                + "\"ForAnyValue:BinaryEquals\":{\"test:Blobs\":\"QQ==\"},"
                + "\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"},"
                + "\"ForAnyValue:DateLessThan\":{\"test:Dates\":\"2000-01-01T00:00:00Z\"}}}]}";
        List<ContextEntry> all = List.of(
                entry("s3:prefix", ContextKeyTypeEnum.STRING, "home/"),
                entry("aws:TagKeys", ContextKeyTypeEnum.STRING_LIST, "a", "b"),
                entry("s3:max-keys", ContextKeyTypeEnum.NUMERIC, "5"),
                entry("test:Numbers", ContextKeyTypeEnum.NUMERIC_LIST, "1", "7"),
                entry("aws:SecureTransport", ContextKeyTypeEnum.BOOLEAN, "true"),
                entry("test:Flags", ContextKeyTypeEnum.BOOLEAN_LIST, "true", "false"),
                entry("aws:SourceIp", ContextKeyTypeEnum.IP, "10.1.2.3"),
                entry("test:Ips", ContextKeyTypeEnum.IP_LIST, "203.0.113.1", "192.0.2.9"),
                entry("test:Blob", ContextKeyTypeEnum.BINARY, "QmluYXJ5"),
                entry("test:Blobs", ContextKeyTypeEnum.BINARY_LIST, "QQ==", "Qg=="),
                entry("aws:CurrentTime", ContextKeyTypeEnum.DATE, "2024-05-01T12:00:00Z"),
                entry("test:Dates", ContextKeyTypeEnum.DATE_LIST, "2030-01-01T00:00:00Z", "1999-06-01T00:00:00Z"));
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:ListBucket")
                .contextEntries(all)));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(r.missingContextValues()).isEmpty();
        // Each entry is needed: changing any one value turns the decision into an implicit deny.
        List<ContextEntry> wrongNumber = new java.util.ArrayList<>(all);
        wrongNumber.set(2, entry("s3:max-keys", ContextKeyTypeEnum.NUMERIC, "50"));
        assertThat(only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("s3:ListBucket")
                .contextEntries(wrongNumber))).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void aContextValueThatIsNotOfItsType_isInvalidInput() {
        for (ContextEntry bad : List.of(entry("test:n", ContextKeyTypeEnum.NUMERIC, "ten"),
                entry("test:b", ContextKeyTypeEnum.BOOLEAN, "yes"), entry("test:i", ContextKeyTypeEnum.IP, "10.0.0.300"),
                entry("test:d", ContextKeyTypeEnum.DATE, "yesterday"), entry("test:x", ContextKeyTypeEnum.BINARY, "%%"))) {
            awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                    .actionNames("s3:GetObject").contextEntries(bad)), InvalidInputException.class, 400,
                    "InvalidInput", "Invalid value " + bad.contextKeyValues().get(0) + " for context key "
                            + bad.contextKeyName() + " of type " + bad.contextKeyTypeAsString() + ".");
        }
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*")).actionNames("s3:GetObject")
                .contextEntries(entry("test:s", ContextKeyTypeEnum.STRING, "a", "b"))), InvalidInputException.class,
                400, "InvalidInput", "Context key test:s of type string takes exactly one value; use stringList for"
                        + " several.");
    }

    @Test
    void aPermissionsBoundaryThatDoesNotAllow_deniesImplicitly_andSaysSo() {
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .permissionsBoundaryPolicyInputList(allow("s3:GetObject", "*")).actionNames("s3:PutObject")));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(r.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
        EvaluationResult ok = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .permissionsBoundaryPolicyInputList(allow("s3:GetObject", "*")).actionNames("s3:GetObject")));
        assertThat(ok.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(ok.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
        assertThat(only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .actionNames("s3:GetObject"))).permissionsBoundaryDecisionDetail()).isNull();
    }

    @Test
    void aResourcePolicyNamingTheCaller_allowsInTheSameAccount_withoutAnIdentityPolicy() {
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::shared/*\"}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("ec2:*", "*")).resourcePolicy(bucketPolicy)
                .callerArn(ALICE).actionNames("s3:GetObject").resourceArns("arn:aws:s3:::shared/doc")));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        Statement s = r.matchedStatements().get(0);
        assertThat(s.sourcePolicyId()).isEqualTo("ResourcePolicy");
        assertThat(s.sourcePolicyTypeAsString()).isEqualTo("Resource Policy");
    }

    @Test
    void acrossAccounts_bothSidesMustAllow_andEvalDecisionDetailsSayHowEachDecided() {
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ACCOUNT + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        EvaluationResult allowed = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:GetObject", "*"))
                .resourcePolicy(bucketPolicy).callerArn(ALICE).resourceOwner("arn:aws:iam::210987654321:root")
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::theirs/doc")));
        assertThat(allowed.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(allowed.evalDecisionDetailsAsStrings()).containsEntry("IAM Policy", "allowed")
                .containsEntry("Resource Policy", "allowed");
        EvaluationResult denied = only(iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:PutObject", "*"))
                .resourcePolicy(bucketPolicy).callerArn(ALICE).resourceOwner("210987654321")
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::theirs/doc")));
        assertThat(denied.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(denied.evalDecisionDetailsAsStrings()).containsEntry("IAM Policy", "implicitDeny");
    }

    @Test
    void aResourcePolicyWithoutCallerArn_isInvalidInput() {
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .resourcePolicy(allow("s3:*", "*").replace("\"Effect\"", "\"Principal\":\"*\",\"Effect\""))
                .actionNames("s3:GetObject")),
                InvalidInputException.class, 400, "InvalidInput",
                "CallerArn is required when a ResourcePolicy is simulated.");
    }

    @Test
    void aCallerArnThatIsNotAnIamUser_isInvalidInput() {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/r";
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*")).callerArn(role)
                .actionNames("s3:GetObject")), InvalidInputException.class, 400, "InvalidInput",
                "Invalid caller - Caller must be an IAM user in this context.");
    }

    @Test
    void resourceNamesThatAreNotArns_areInvalidInput_asAwsWordsIt() {
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .actionNames("kms:Decrypt").resourceArns("14a050d4-021e-4efe-84bb-0871bf6d0fda")),
                InvalidInputException.class, 400, "InvalidInput",
                "ResourceNames are not in a valid ARN format: 14a050d4-021e-4efe-84bb-0871bf6d0fda.");
    }

    @Test
    void aResourceOwnerThatIsNoAccount_isInvalidInput_asAwsWordsIt() {
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*"))
                .actionNames("s3:GetObject").resourceOwner("someone")), InvalidInputException.class, 400,
                "InvalidInput", "'someone' is not a valid as a Resource Owner.");
    }

    @Test
    void wildcardActionNames_areInvalidInput() {
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*", "*")).actionNames("s3:*")),
                InvalidInputException.class, 400, "InvalidInput",
                "Action s3:* is not in the form service:action; the simulator takes no wildcards in ActionNames.");
    }

    @Test
    void aMalformedPolicy_isInvalidInput_withTheValidatorsFirstError() {
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList("{\"Version\":\"2012-10-17\"")
                .actionNames("s3:GetObject")), InvalidInputException.class, 400, "InvalidInput",
                "Invalid policy document in PolicyInputList: Syntax errors in policy.");
        // A principal belongs in a resource-based policy, not in PolicyInputList.
        String withPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(withPrincipal).actionNames("s3:GetObject")),
                InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void maxItemsAndMarker_pageThroughTheResults() {
        SimulateCustomPolicyRequest.Builder req = SimulateCustomPolicyRequest.builder()
                .policyInputList(allow("s3:*", "*")).actionNames("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
        SimulateCustomPolicyResponse first = iam.simulateCustomPolicy(req.maxItems(2).build());
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotNull();
        assertThat(first.evaluationResults()).extracting(EvaluationResult::evalActionName)
                .containsExactly("s3:GetObject", "s3:PutObject");
        SimulateCustomPolicyResponse second = iam.simulateCustomPolicy(req.marker(first.marker()).build());
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();
        assertThat(second.evaluationResults()).extracting(EvaluationResult::evalActionName)
                .containsExactly("s3:DeleteObject");
        awsError(() -> iam.simulateCustomPolicy(req.marker("bogus").build()), InvalidInputException.class, 400,
                "InvalidInput", "Invalid Marker bogus.");
    }

    @Test
    void aResourceHandlingScenario_simulatesTheActionOnAllItsResourcesTogether() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:RunInstances\","
                + "\"Resource\":[\"arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/*\",\"arn:aws:ec2:us-east-1::image/*\"]}]}";
        EvaluationResult r = only(iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("ec2:RunInstances")
                .resourceHandlingOption("EC2-Classic-InstanceStore")
                .resourceArns("arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/*", "arn:aws:ec2:us-east-1::image/ami-1",
                        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-1")));
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(r.resourceSpecificResults()).extracting(ResourceSpecificResult::evalResourceDecisionAsString)
                .containsExactly("allowed", "allowed", "implicitDeny");
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("ec2:RunInstances")
                .resourceHandlingOption("EC2-Nothing")), InvalidInputException.class, 400, "InvalidInput", null);
        // The scenario's resource types must all be present.
        awsError(() -> iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("ec2:RunInstances")
                .resourceHandlingOption("EC2-Classic-EBS")
                .resourceArns("arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/*", "arn:aws:ec2:us-east-1::image/ami-1",
                        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/sg-1")), InvalidInputException.class,
                400, "InvalidInput", "ResourceHandlingOption EC2-Classic-EBS requires ResourceArns of the EC2"
                        + " resource types instance, image, security-group, volume; missing: volume.");
    }

    @Test
    void getContextKeysForCustomPolicy_listsConditionKeysAndVariables_onceEach() {
        String p1 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":\"arn:aws:dynamodb:us-west-2:" + ACCOUNT + ":table/${aws:username}\","
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2015-08-16T12:00:00Z\"}}}}";
        String p2 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:username\":\"x\",\"s3:prefix\":\"y\"}}}}";
        assertThat(iam.getContextKeysForCustomPolicy(b -> b.policyInputList(p1, p2)).contextKeyNames())
                .containsExactly("aws:username", "aws:CurrentTime", "s3:prefix");
        awsError(() -> iam.getContextKeysForCustomPolicy(b -> b.policyInputList("not json")),
                InvalidInputException.class, 400, "InvalidInput",
                "Invalid policy document in PolicyInputList.1: Syntax errors in policy.");
    }

    static ContextEntry entry(String name, ContextKeyTypeEnum type, String... values) {
        return ContextEntry.builder().contextKeyName(name).contextKeyType(type).contextKeyValues(values).build();
    }
}
