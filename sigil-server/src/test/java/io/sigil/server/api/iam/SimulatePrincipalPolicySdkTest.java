package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicyIdentifier;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy through the AWS SDK for Java v2 (IAM API Reference):
 * the policies of a user (its own and its groups'), a group or a role, named as AWS names them, their permissions
 * boundary, and who may simulate whom.
 */
class SimulatePrincipalPolicySdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        iam = server.rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    private static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private static String deny(String action) {
        return allow(action).replace("Allow", "Deny");
    }

    private static EvaluationResult simulate(String sourceArn, String action) {
        var r = iam.simulatePrincipalPolicy(b -> b.policySourceArn(sourceArn).actionNames(action));
        assertThat(r.evaluationResults()).hasSize(1);
        return r.evaluationResults().get(0);
    }

    private static Statement matched(EvaluationResult r) {
        assertThat(r.matchedStatements()).hasSize(1);
        return r.matchedStatements().get(0);
    }

    @Test
    void aUsersInlinePolicy_isNamedUserNamePolicy_withSourceTypeIamPolicy() {
        String arn = iam.createUser(b -> b.userName("sim-u1")).user().arn();
        iam.putUserPolicy(b -> b.userName("sim-u1").policyName("S3Read").policyDocument(allow("s3:GetObject")));
        EvaluationResult r = simulate(arn, "s3:GetObject");
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(matched(r).sourcePolicyId()).isEqualTo("user_sim-u1_S3Read");
        assertThat(matched(r).sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        assertThat(simulate(arn, "s3:PutObject").evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void aUsersGroupsPolicies_count_andAreNamedByTheGroup() {
        String arn = iam.createUser(b -> b.userName("sim-u2")).user().arn();
        iam.createGroup(b -> b.groupName("sim-g2"));
        iam.addUserToGroup(b -> b.groupName("sim-g2").userName("sim-u2"));
        iam.putGroupPolicy(b -> b.groupName("sim-g2").policyName("NoDelete").policyDocument(deny("s3:DeleteObject")));
        iam.attachGroupPolicy(b -> b.groupName("sim-g2").policyArn(READ_ONLY));
        EvaluationResult read = simulate(arn, "s3:GetObject");
        assertThat(read.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(read.matchedStatements()).extracting(Statement::sourcePolicyId).contains("ReadOnlyAccess");
        assertThat(read.matchedStatements()).extracting(Statement::sourcePolicyTypeAsString)
                .containsOnly("IAM Policy");
        EvaluationResult delete = simulate(arn, "s3:DeleteObject");
        assertThat(delete.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(matched(delete).sourcePolicyId()).isEqualTo("group_sim-g2_NoDelete");
        assertThat(matched(delete).sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        // The group itself can be simulated too.
        String groupArn = iam.getGroup(b -> b.groupName("sim-g2")).group().arn();
        assertThat(simulate(groupArn, "s3:DeleteObject").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
    }

    @Test
    void aCustomerManagedPolicy_isNamedByItsPolicyName_withSourceTypeIamPolicy() {
        String arn = iam.createUser(b -> b.userName("sim-u3")).user().arn();
        String policy = iam.createPolicy(b -> b.policyName("sim-ec2").policyDocument(allow("ec2:Describe*")))
                .policy().arn();
        iam.attachUserPolicy(b -> b.userName("sim-u3").policyArn(policy));
        Statement s = matched(simulate(arn, "ec2:DescribeInstances"));
        assertThat(s.sourcePolicyId()).isEqualTo("sim-ec2");
        assertThat(s.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        assertThat(s.startPosition().line()).isEqualTo(1);
        assertThat(s.startPosition().column()).isEqualTo(38);
        // Just after the closing brace of {"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}: 38 + 58.
        assertThat(s.endPosition().line()).isEqualTo(1);
        assertThat(s.endPosition().column()).isEqualTo(96);
    }

    @Test
    void aRolesPolicies_areNamedByTheRole_andItsBoundaryLimitsThem() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String arn = iam.createRole(b -> b.roleName("sim-r1").assumeRolePolicyDocument(trust)).role().arn();
        iam.putRolePolicy(b -> b.roleName("sim-r1").policyName("All").policyDocument(allow("*")));
        Statement s = matched(simulate(arn, "sqs:SendMessage"));
        assertThat(s.sourcePolicyId()).isEqualTo("role_sim-r1_All");
        assertThat(s.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        iam.putRolePermissionsBoundary(b -> b.roleName("sim-r1").permissionsBoundary(READ_ONLY));
        EvaluationResult write = simulate(arn, "sqs:SendMessage");
        assertThat(write.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(write.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
        EvaluationResult read = simulate(arn, "sqs:GetQueueUrl");
        assertThat(read.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(read.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
        // A boundary in the request replaces the role's own.
        var replaced = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("sqs:SendMessage")
                .permissionsBoundaryPolicyInputList(allow("sqs:*"))).evaluationResults().get(0);
        assertThat(replaced.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
    }

    /**
     * AWS's simulator decides sts:AssumeRole from the caller's identity side and never evaluates the role's trust
     * policy, not even one passed as ResourcePolicy (aws/aws-cli#10314); the real call does.
     */
    @Test
    void stsAssumeRole_isSimulatedFromTheCallersIdentityPolicies_whileTheRealCallAlsoNeedsTheTrustPolicy() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String role = iam.createRole(b -> b.roleName("sim-assume-target").assumeRolePolicyDocument(trust)).role().arn();
        String user = iam.createUser(b -> b.userName("sim-assumer")).user().arn();
        iam.putUserPolicy(b -> b.userName("sim-assumer").policyName("Assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"arn:aws:iam::*:role/sim-assume-*\"}]}"));

        var onRole = iam.simulatePrincipalPolicy(b -> b.policySourceArn(user).actionNames("sts:AssumeRole")
                .resourceArns(role)).evaluationResults().get(0);
        assertThat(onRole.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(matched(onRole).sourcePolicyId()).isEqualTo("user_sim-assumer_Assume");
        assertThat(onRole.evalDecisionDetailsAsStrings()).isEmpty();
        String denyingTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                + user + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        var withTrust = iam.simulatePrincipalPolicy(b -> b.policySourceArn(user).actionNames("sts:AssumeRole")
                .resourceArns(role).resourcePolicy(denyingTrust)).evaluationResults().get(0);
        assertThat(withTrust.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(matched(withTrust).sourcePolicyId()).isEqualTo("user_sim-assumer_Assume");
        String otherAccountRole = "arn:aws:iam::210987654321:role/sim-assume-elsewhere";
        var crossAccount = iam.simulatePrincipalPolicy(b -> b.policySourceArn(user).actionNames("sts:AssumeRole")
                .resourceArns(otherAccountRole)).evaluationResults().get(0);
        assertThat(crossAccount.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(simulate(user, "sts:AssumeRoleWithWebIdentity").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);

        var key = iam.createAccessKey(b -> b.userName("sim-assumer")).accessKey();
        try (var sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            awsError(() -> sts.assumeRole(b -> b.roleArn(role).roleSessionName("sim-session")),
                    software.amazon.awssdk.services.sts.model.StsException.class, 403, "AccessDenied",
                    "User: " + user + " is not authorized to perform: sts:AssumeRole on resource: " + role);
        }
    }

    /** PolicyExclusionList: "what if I remove this policy?" without detaching it (IAM User Guide). */
    @Test
    void policyExclusionList_leavesOutATypeAnArnOrOneInlinePolicy_andTheBoundary() {
        String arn = iam.createUser(b -> b.userName("sim-ex")).user().arn();
        iam.createGroup(b -> b.groupName("sim-ex-g"));
        iam.addUserToGroup(b -> b.groupName("sim-ex-g").userName("sim-ex"));
        iam.putUserPolicy(b -> b.userName("sim-ex").policyName("Put").policyDocument(allow("s3:PutObject")));
        iam.putGroupPolicy(b -> b.groupName("sim-ex-g").policyName("Publish").policyDocument(allow("sns:Publish")));
        String run = iam.createPolicy(b -> b.policyName("sim-ex-run").policyDocument(allow("ec2:RunInstances")))
                .policy().arn();
        iam.attachUserPolicy(b -> b.userName("sim-ex").policyArn(run));
        iam.attachUserPolicy(b -> b.userName("sim-ex").policyArn(READ_ONLY));
        String denyPut = iam.createPolicy(b -> b.policyName("sim-ex-boundary").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"s3:PutObject\","
                        + "\"Resource\":\"*\"}]}")).policy().arn();
        iam.putUserPermissionsBoundary(b -> b.userName("sim-ex").permissionsBoundary(denyPut));
        java.util.function.BiFunction<String, PolicyIdentifier, PolicyEvaluationDecisionType> decide =
                (action, excluded) -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames(action)
                        .policyExclusionList(excluded == null ? List.of() : List.of(excluded)))
                        .evaluationResults().get(0).evalDecision();
        PolicyEvaluationDecisionType allowed = PolicyEvaluationDecisionType.ALLOWED;
        PolicyEvaluationDecisionType denied = PolicyEvaluationDecisionType.IMPLICIT_DENY;

        assertThat(decide.apply("sns:Publish", null)).isEqualTo(allowed);
        assertThat(decide.apply("sns:Publish", PolicyIdentifier.builder().inlinePolicyIdentifier(b -> b
                .policyName("Publish").attachmentType("group").attachmentName("sim-ex-g")).build())).isEqualTo(denied);
        assertThat(decide.apply("sns:Publish", PolicyIdentifier.builder().inlinePolicyIdentifier(b -> b
                .policyName("Publish").attachmentType("user").attachmentName("sim-ex")).build())).isEqualTo(allowed);
        assertThat(decide.apply("sns:Publish", PolicyIdentifier.builder().policyType("inline").build()))
                .isEqualTo(denied);
        assertThat(decide.apply("ec2:RunInstances", null)).isEqualTo(allowed);
        assertThat(decide.apply("ec2:RunInstances", PolicyIdentifier.builder().policyArn(run).build()))
                .isEqualTo(denied);
        assertThat(decide.apply("ec2:RunInstances", PolicyIdentifier.builder().policyType("user-managed").build()))
                .isEqualTo(denied);
        assertThat(decide.apply("s3:GetObject", null)).isEqualTo(allowed);
        assertThat(decide.apply("s3:GetObject", PolicyIdentifier.builder().policyType("aws-managed").build()))
                .isEqualTo(denied);
        // The boundary denies what the inline policy allows, until the boundary is left out.
        assertThat(decide.apply("s3:PutObject", null)).isEqualTo(denied);
        assertThat(decide.apply("s3:PutObject", PolicyIdentifier.builder().policyType("permission-boundary").build()))
                .isEqualTo(allowed);
        assertThat(decide.apply("s3:PutObject", PolicyIdentifier.builder().policyArn(denyPut).build()))
                .isEqualTo(allowed);
        awsError(() -> decide.apply("s3:PutObject", PolicyIdentifier.builder().policyType("inline").policyArn(run)
                .build()), InvalidInputException.class, 400, "InvalidInput", "PolicyExclusionList.1 must name exactly "
                + "one of PolicyType, PolicyArn and InlinePolicyIdentifier.");
    }

    /**
     * "Wildcard characters are supported in the resource name portion of the ARN" and in an inline identifier's
     * AttachmentName, "*" matching any run of characters and "?" exactly one (IAM API Reference, PolicyIdentifier
     * and InlinePolicyIdentifierType); the policy name itself is matched as written (its pattern admits neither).
     */
    @Test
    void policyExclusionList_wildcardsInTheArnsNameAndTheEntityName_leaveOutEveryPolicyTheyMatch() {
        String arn = iam.createUser(b -> b.userName("sim-wild")).user().arn();
        iam.putUserPolicy(b -> b.userName("sim-wild").policyName("Topics").policyDocument(allow("sns:Publish")));
        String queues = iam.createPolicy(b -> b.policyName("sim-wild-queues").policyDocument(allow("sqs:SendMessage")))
                .policy().arn();
        iam.attachUserPolicy(b -> b.userName("sim-wild").policyArn(queues));
        java.util.function.BiFunction<String, PolicyIdentifier, PolicyEvaluationDecisionType> decide =
                (action, excluded) -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames(action)
                        .policyExclusionList(excluded)).evaluationResults().get(0).evalDecision();
        String account = arn.split(":")[4];
        java.util.function.Function<String, PolicyIdentifier> inline = name -> PolicyIdentifier.builder()
                .inlinePolicyIdentifier(b -> b.policyName("Topics").attachmentType("user").attachmentName(name))
                .build();
        java.util.function.Function<String, PolicyIdentifier> managed = name -> PolicyIdentifier.builder()
                .policyArn("arn:aws:iam::" + account + ":policy/" + name).build();
        PolicyEvaluationDecisionType allowed = PolicyEvaluationDecisionType.ALLOWED;
        PolicyEvaluationDecisionType denied = PolicyEvaluationDecisionType.IMPLICIT_DENY;

        assertThat(decide.apply("sns:Publish", inline.apply("sim-*"))).isEqualTo(denied);
        assertThat(decide.apply("sns:Publish", inline.apply("sim-w??d"))).isEqualTo(denied);
        assertThat(decide.apply("sns:Publish", inline.apply("*"))).isEqualTo(denied);
        assertThat(decide.apply("sns:Publish", inline.apply("sim-w?d"))).isEqualTo(allowed);
        assertThat(decide.apply("sns:Publish", inline.apply("other-*"))).isEqualTo(allowed);
        assertThat(decide.apply("sns:Publish", PolicyIdentifier.builder().inlinePolicyIdentifier(b -> b
                .policyName("Queues").attachmentType("user").attachmentName("sim-*")).build())).isEqualTo(allowed);
        assertThat(decide.apply("sqs:SendMessage", managed.apply("sim-wild-*"))).isEqualTo(denied);
        assertThat(decide.apply("sqs:SendMessage", managed.apply("sim-wild-queue?"))).isEqualTo(denied);
        assertThat(decide.apply("sqs:SendMessage", managed.apply("sim-wild-queue"))).isEqualTo(allowed);
        assertThat(decide.apply("sqs:SendMessage", managed.apply("*-topics"))).isEqualTo(allowed);
    }

    /** PolicyType and AttachmentType take the API Reference's values only, and an inline identifier names all three. */
    @Test
    void policyExclusionList_ofAnUnknownTypeOrAnIncompleteInlineIdentifier_isAValidationError() {
        String arn = iam.createUser(b -> b.userName("sim-badex")).user().arn();

        awsError(() -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                        .policyExclusionList(PolicyIdentifier.builder().policyType("managed").build())),
                IamException.class, 400, "ValidationError", "1 validation error detected: Value at "
                        + "'policyExclusionList.1.member.policyType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [inline, aws-managed, user-managed, permission-boundary, scp, rcp]");
        awsError(() -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                        .policyExclusionList(PolicyIdentifier.builder().inlinePolicyIdentifier(i -> i
                                .policyName("P").attachmentType("USER")).build())),
                IamException.class, 400, "ValidationError", "2 validation errors detected: Value at "
                        + "'policyExclusionList.1.member.inlinePolicyIdentifier.attachmentType' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [user, group, role]; Value at "
                        + "'policyExclusionList.1.member.inlinePolicyIdentifier.attachmentName' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void policyInputList_addsToThePrincipalsPolicies() {
        String arn = iam.createUser(b -> b.userName("sim-u4")).user().arn();
        var r = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).policyInputList(allow("sns:Publish"))
                .actionNames("sns:Publish")).evaluationResults().get(0);
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(matched(r).sourcePolicyId()).isEqualTo("PolicyInputList.1");
    }

    @Test
    void theSourceUserIsTheCaller_soItsNameResolvesPolicyVariables_unlessCallerArnNamesAnother() {
        String arn = iam.createUser(b -> b.userName("sim-u5")).user().arn();
        String home = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";
        iam.putUserPolicy(b -> b.userName("sim-u5").policyName("Home").policyDocument(home));
        var own = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::home/sim-u5/f")).evaluationResults().get(0);
        assertThat(own.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        var asBob = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                .callerArn("arn:aws:iam::" + ACCOUNT + ":user/bob")
                .resourceArns("arn:aws:s3:::home/sim-u5/f")).evaluationResults().get(0);
        assertThat(asBob.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void contextEntries_decideConditions_ofStoredPolicies() {
        String arn = iam.createUser(b -> b.userName("sim-u6")).user().arn();
        String mfa = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:StopInstances\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        iam.putUserPolicy(b -> b.userName("sim-u6").policyName("Mfa").policyDocument(mfa));
        EvaluationResult without = simulate(arn, "ec2:StopInstances");
        assertThat(without.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(without.missingContextValues()).containsExactly("aws:MultiFactorAuthPresent");
        var with = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("ec2:StopInstances")
                .contextEntries(SimulateCustomPolicySdkTest.entry("aws:MultiFactorAuthPresent",
                        ContextKeyTypeEnum.BOOLEAN, "true"))).evaluationResults().get(0);
        assertThat(with.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(with.missingContextValues()).isEmpty();
    }

    @Test
    void aResourcePolicyNamingTheSourceUser_allowsWithoutCallerArn_sinceTheUserIsTheCaller() {
        String arn = iam.createUser(b -> b.userName("sim-u8")).user().arn();
        String bucket = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + arn + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}]}";
        var r = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::shared/x").resourcePolicy(bucket)).evaluationResults().get(0);
        assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(matched(r).sourcePolicyTypeAsString()).isEqualTo("Resource Policy");
        // Owned by another account, the bucket's grant is not enough: the user's own policies must allow too.
        var cross = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::shared/x").resourcePolicy(bucket).resourceOwner("999988887777"))
                .evaluationResults().get(0);
        assertThat(cross.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(cross.evalDecisionDetailsAsStrings()).containsEntry("IAM Policy", "implicitDeny")
                .containsEntry("Resource Policy", "allowed");
    }

    @Test
    void aResourcePolicyForARole_needsCallerArn() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String arn = iam.createRole(b -> b.roleName("sim-r2").assumeRolePolicyDocument(trust)).role().arn();
        String bucket = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        awsError(() -> iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("s3:GetObject")
                .resourcePolicy(bucket)), InvalidInputException.class, 400, "InvalidInput",
                "CallerArn is required when a ResourcePolicy is simulated and PolicySourceArn is not a user.");
    }

    @Test
    void anEntityThatDoesNotExist_isNoSuchEntity_andAnArnOfAnotherKindOrAccount_isInvalidInputInAwsWords() {
        awsError(() -> simulate("arn:aws:iam::" + ACCOUNT + ":user/nobody-here", "s3:GetObject"),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name nobody-here cannot be found.");
        awsError(() -> simulate("arn:aws:iam::" + ACCOUNT + ":role/no-role", "s3:GetObject"),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The role with name no-role cannot be found.");
        awsError(() -> simulate("arn:aws:iam::" + ACCOUNT + ":group/no-group", "s3:GetObject"),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The group with name no-group cannot be found.");
        String policyArn = "arn:aws:iam::" + ACCOUNT + ":policy/some-policy";
        awsError(() -> simulate(policyArn, "s3:GetObject"), InvalidInputException.class, 400, "InvalidInput",
                "Invalid Entity Arn: " + policyArn + " does not clearly define entity type and name.");
        String session = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Admin/someone";
        awsError(() -> simulate(session, "s3:GetObject"), InvalidInputException.class, 400, "InvalidInput",
                "Invalid Entity Arn: " + session + " does not clearly define entity type and name.");
        awsError(() -> simulate("arn:aws:iam::210987654321:user/alice", "s3:GetObject"), InvalidInputException.class,
                400, "InvalidInput", "Invalid Policy Source Arn: caller's account " + ACCOUNT
                        + " does not have access to policies in account 210987654321");
        awsError(() -> iam.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(
                        "arn:aws:iam::210987654321:role/other")), InvalidInputException.class, 400, "InvalidInput",
                "Invalid Policy Source Arn: caller's account " + ACCOUNT
                        + " does not have access to policies in account 210987654321");
    }

    @Test
    void getContextKeysForPrincipalPolicy_readsTheUsersAndItsGroupsPolicies_andPolicyInputList() {
        String arn = iam.createUser(b -> b.userName("sim-u7")).user().arn();
        iam.createGroup(b -> b.groupName("sim-g7"));
        iam.addUserToGroup(b -> b.groupName("sim-g7").userName("sim-u7"));
        iam.putUserPolicy(b -> b.userName("sim-u7").policyName("Ip").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}"));
        iam.putGroupPolicy(b -> b.groupName("sim-g7").policyName("Tag").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}]}"));
        String extra = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
        assertThat(iam.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(arn).policyInputList(extra))
                .contextKeyNames()).containsExactly("aws:SourceIp", "aws:ResourceTag/team", "aws:PrincipalTag/team",
                "aws:SecureTransport");
        awsError(() -> iam.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(
                "arn:aws:iam::" + ACCOUNT + ":user/nobody-7")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The user with name nobody-7 cannot be found.");
    }

    @Test
    void simulatingAPrincipal_needsIamSimulatePrincipalPolicyOnThatPrincipal() {
        String target = iam.createUser(b -> b.userName("sim-target")).user().arn();
        String other = iam.createUser(b -> b.userName("sim-other")).user().arn();
        iam.createUser(b -> b.userName("sim-auditor"));
        String onlyTarget = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:SimulatePrincipalPolicy\",\"iam:GetContextKeysForPrincipalPolicy\"],"
                + "\"Resource\":\"" + target + "\"}]}";
        try (IamClient auditor = SdkFixture.signingAs(server, "sim-auditor", onlyTarget)) {
            auditor.simulatePrincipalPolicy(b -> b.policySourceArn(target).actionNames("s3:GetObject"));
            auditor.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(target));
            awsError(() -> auditor.simulatePrincipalPolicy(b -> b.policySourceArn(other).actionNames("s3:GetObject")),
                    IamException.class, 403, "AccessDenied", "User: arn:aws:iam::" + ACCOUNT + ":user/sim-auditor"
                            + " is not authorized to perform: iam:SimulatePrincipalPolicy on resource: user sim-other"
                            + " because no identity-based policy allows the iam:SimulatePrincipalPolicy action");
            awsError(() -> auditor.simulateCustomPolicy(b -> b.policyInputList(allow("s3:*"))
                    .actionNames("s3:GetObject")), IamException.class, 403, "AccessDenied",
                    "User: arn:aws:iam::" + ACCOUNT + ":user/sim-auditor is not authorized to perform:"
                            + " iam:SimulateCustomPolicy on resource: * because no identity-based policy allows the"
                            + " iam:SimulateCustomPolicy action");
        }
    }
}
