package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.EntityDetails;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsWithEntitiesResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.ListPoliciesGrantingServiceAccessEntry;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyGrantingServiceAccess;
import software.amazon.awssdk.services.iam.model.PolicyOwnerEntityType;
import software.amazon.awssdk.services.iam.model.PolicyType;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.iam.model.TrackedActionLastAccessed;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Service last accessed data through the AWS SDK for Java v2 (IAM API Reference: GenerateServiceLastAccessedDetails,
 * GetServiceLastAccessedDetails, GetServiceLastAccessedDetailsWithEntities, ListPoliciesGrantingServiceAccess;
 * spec §5.7). On a server of its own, with real calls recorded by the dispatcher:
 * <ul>
 *   <li>alice (inline policy: iam:GetUser, iam:ListUsers, s3:GetObject, sts:AssumeRole, sts:GetCallerIdentity;
 *       member of devs) calls GetUser, ListRoles (denied) and GetCallerIdentity, and assumes the auditor role;</li>
 *   <li>bob is a member of devs and makes no call; devs' inline policy allows iam:Get* and ec2:Describe*;</li>
 *   <li>the auditor role has the customer managed policy IamReader (iam:List*, iam:Get*) and its session calls
 *       ListUsers and GetCallerIdentity.</li>
 * </ul>
 */
class LastAccessedSdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    private static final String DEVS = "arn:aws:iam::" + ACCOUNT + ":group/devs";
    private static final String AUDITOR = "arn:aws:iam::" + ACCOUNT + ":role/auditor";
    private static final String READER = "arn:aws:iam::" + ACCOUNT + ":policy/IamReader";

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static IamClient alice;
    private static Instant started;

    @BeforeAll
    static void start() {
        started = Instant.now().minusSeconds(1);
        SIGIL.root().createUser(r -> r.userName("alice"));
        SIGIL.root().createUser(r -> r.userName("bob"));
        SIGIL.root().createGroup(r -> r.groupName("devs"));
        SIGIL.root().addUserToGroup(r -> r.groupName("devs").userName("alice"));
        SIGIL.root().addUserToGroup(r -> r.groupName("devs").userName("bob"));
        SIGIL.root().putUserPolicy(r -> r.userName("alice").policyName("alice-inline").policyDocument(SdkFixture.allow(
                "iam:GetUser", "iam:ListUsers", "s3:GetObject", "sts:AssumeRole", "sts:GetCallerIdentity")));
        SIGIL.root().putGroupPolicy(r -> r.groupName("devs").policyName("devs-inline")
                .policyDocument(SdkFixture.allow("iam:Get*", "ec2:Describe*")));
        SIGIL.root().createRole(r -> r.roleName("auditor").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        SIGIL.root().createPolicy(r -> r.policyName("IamReader").policyDocument(SdkFixture.allow("iam:List*",
                "iam:Get*")));
        SIGIL.root().attachRolePolicy(r -> r.roleName("auditor").policyArn(READER));

        var key = SIGIL.root().createAccessKey(r -> r.userName("alice")).accessKey();
        alice = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey());
        alice.getUser(r -> r.userName("alice"));
        catchDenied(() -> alice.listRoles());
        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            sts.getCallerIdentity();
            Credentials c = sts.assumeRole(r -> r.roleArn(AUDITOR).roleSessionName("audit")).credentials();
            try (IamClient auditor = SIGIL.server().iam(c); StsClient session = SIGIL.server().sts(c)) {
                auditor.listUsers();
                session.getCallerIdentity();
            }
        }
    }

    @AfterAll
    static void stop() {
        alice.close();
    }

    private static void catchDenied(Runnable call) {
        try {
            call.run();
        } catch (IamException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            return;
        }
        throw new AssertionError("expected AccessDenied");
    }

    /** Generates a report and polls it until it is no longer in progress, as a client does. */
    private static GetServiceLastAccessedDetailsResponse report(String arn, AccessAdvisorUsageGranularityType g) {
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(arn).granularity(g)).jobId();
        GetServiceLastAccessedDetailsResponse r;
        do {
            r = SIGIL.root().getServiceLastAccessedDetails(q -> q.jobId(jobId));
        } while (r.jobStatus() == JobStatusType.IN_PROGRESS);
        return r;
    }

    private static Map<String, ServiceLastAccessed> byNamespace(GetServiceLastAccessedDetailsResponse r) {
        return r.servicesLastAccessed().stream()
                .collect(Collectors.toMap(ServiceLastAccessed::serviceNamespace, Function.identity()));
    }

    @Test
    void generate_answersAJobId_andTheJobIsCompletedWithItsTypeAndDates() {
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(ALICE)).jobId();
        GetServiceLastAccessedDetailsResponse r = SIGIL.root().getServiceLastAccessedDetails(q -> q.jobId(jobId));

        assertThat(jobId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.jobStatus()).isEqualTo(JobStatusType.COMPLETED);
        assertThat(r.jobType()).as("SERVICE_LEVEL when no Granularity is given")
                .isEqualTo(AccessAdvisorUsageGranularityType.SERVICE_LEVEL);
        assertThat(r.jobCreationDate()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(r.jobCompletionDate()).isAfterOrEqualTo(r.jobCreationDate());
        assertThat(r.error()).isNull();
        assertThat(r.isTruncated()).isFalse();
    }

    @Test
    void aUsersReport_listsTheServicesItsOwnAndItsGroupsPoliciesAllow_withTheLatestAttemptOfEach() {
        Map<String, ServiceLastAccessed> s = byNamespace(report(ALICE, AccessAdvisorUsageGranularityType.SERVICE_LEVEL));

        assertThat(s.keySet()).containsExactlyInAnyOrder("iam", "s3", "sts", "ec2");
        ServiceLastAccessed iam = s.get("iam");
        assertThat(iam.serviceName()).isEqualTo("AWS Identity and Access Management (IAM)");
        assertThat(iam.lastAuthenticated()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(iam.lastAuthenticatedEntity()).isEqualTo(ALICE);
        assertThat(iam.lastAuthenticatedRegion()).isEqualTo("us-east-1");
        assertThat(iam.totalAuthenticatedEntities()).isEqualTo(1);
        assertThat(iam.trackedActionsLastAccessed()).as("no action data at service level").isEmpty();
        assertThat(s.get("sts").lastAuthenticatedEntity()).isEqualTo(ALICE);
    }

    @Test
    void servicesAllowedButNeverAttempted_areListedWithoutLastAuthenticated() {
        Map<String, ServiceLastAccessed> s = byNamespace(report(ALICE, AccessAdvisorUsageGranularityType.SERVICE_LEVEL));

        for (String ns : List.of("s3", "ec2")) {
            assertThat(s.get(ns).lastAuthenticated()).as(ns).isNull();
            assertThat(s.get(ns).lastAuthenticatedEntity()).as(ns).isNull();
            assertThat(s.get(ns).lastAuthenticatedRegion()).as(ns).isNull();
            assertThat(s.get(ns).totalAuthenticatedEntities()).as(ns).isNull();
        }
        assertThat(s.get("s3").serviceName()).isEqualTo("Amazon S3");
    }

    @Test
    void atActionLevel_trackedServicesListTheirAllowedActionsThatWereAttempted_andOthersNone() {
        Map<String, ServiceLastAccessed> s = byNamespace(report(ALICE, AccessAdvisorUsageGranularityType.ACTION_LEVEL));

        List<TrackedActionLastAccessed> iam = s.get("iam").trackedActionsLastAccessed();
        assertThat(iam).extracting(TrackedActionLastAccessed::actionName)
                .as("GetUser was used; ListUsers is allowed but unused; ListRoles was attempted but is not allowed")
                .containsExactly("GetUser");
        assertThat(iam.get(0).lastAccessedEntity()).isEqualTo(ALICE);
        assertThat(iam.get(0).lastAccessedRegion()).isEqualTo("us-east-1");
        assertThat(iam.get(0).lastAccessedTime()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(s.get("sts").trackedActionsLastAccessed()).as("STS has no action-level data").isEmpty();
        assertThat(s.get("s3").trackedActionsLastAccessed()).as("allowed, never used").isEmpty();
    }

    @Test
    void aGroupsReport_coversItsOwnPolicies_andCountsTheMembersThatAttempted() {
        GetServiceLastAccessedDetailsResponse r = report(DEVS, AccessAdvisorUsageGranularityType.SERVICE_LEVEL);
        Map<String, ServiceLastAccessed> s = byNamespace(r);

        assertThat(s.keySet()).containsExactlyInAnyOrder("iam", "ec2");
        assertThat(s.get("iam").lastAuthenticatedEntity()).isEqualTo(ALICE);
        assertThat(s.get("iam").totalAuthenticatedEntities()).isEqualTo(1);
        assertThat(s.get("ec2").lastAuthenticated()).isNull();
    }

    @Test
    void withEntities_listsTheGroupsMembers_thoseThatAttemptedWithTheirLastAttempt() {
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(DEVS)).jobId();
        GetServiceLastAccessedDetailsWithEntitiesResponse r = SIGIL.root().getServiceLastAccessedDetailsWithEntities(
                q -> q.jobId(jobId).serviceNamespace("iam"));

        assertThat(r.jobStatus()).isEqualTo(JobStatusType.COMPLETED);
        assertThat(r.jobCreationDate()).isNotNull();
        assertThat(r.jobCompletionDate()).isNotNull();
        assertThat(r.entityDetailsList()).extracting(e -> e.entityInfo().arn()).containsExactly(ALICE, BOB);
        EntityDetails a = r.entityDetailsList().get(0);
        assertThat(a.entityInfo().type()).isEqualTo(PolicyOwnerEntityType.USER);
        assertThat(a.entityInfo().name()).isEqualTo("alice");
        assertThat(a.entityInfo().path()).isEqualTo("/");
        assertThat(a.entityInfo().id()).startsWith("AIDA");
        assertThat(a.lastAuthenticated()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(r.entityDetailsList().get(1).lastAuthenticated()).isNull();
    }

    @Test
    void aRolesReport_showsItsSessionsAttempts_andOnlyTheServicesItsPoliciesAllow() {
        Map<String, ServiceLastAccessed> s = byNamespace(report(AUDITOR, AccessAdvisorUsageGranularityType.ACTION_LEVEL));

        assertThat(s.keySet()).containsExactly("iam");
        assertThat(s.get("iam").lastAuthenticatedEntity()).isEqualTo(AUDITOR);
        assertThat(s.get("iam").trackedActionsLastAccessed()).extracting(TrackedActionLastAccessed::actionName)
                .containsExactly("ListUsers");
    }

    @Test
    void aManagedPolicysReport_coversTheEntitiesItIsAttachedTo_andWithEntitiesNamesThem() {
        GetServiceLastAccessedDetailsResponse r = report(READER, AccessAdvisorUsageGranularityType.SERVICE_LEVEL);
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(q -> q.arn(READER)).jobId();
        GetServiceLastAccessedDetailsWithEntitiesResponse e = SIGIL.root().getServiceLastAccessedDetailsWithEntities(
                q -> q.jobId(jobId).serviceNamespace("iam"));

        assertThat(byNamespace(r).get("iam").lastAuthenticatedEntity()).isEqualTo(AUDITOR);
        assertThat(byNamespace(r).get("iam").totalAuthenticatedEntities()).isEqualTo(1);
        assertThat(e.entityDetailsList()).singleElement().satisfies(d -> {
            assertThat(d.entityInfo().arn()).isEqualTo(AUDITOR);
            assertThat(d.entityInfo().type()).isEqualTo(PolicyOwnerEntityType.ROLE);
            assertThat(d.entityInfo().id()).startsWith("AROA");
            assertThat(d.lastAuthenticated()).isNotNull();
        });
    }

    @Test
    void aRoleSessionsCalls_updateRoleLastUsed_withTheirRegion() {
        SIGIL.server().app().accessTracking().flush();
        RoleLastUsed used = SIGIL.root().getRole(r -> r.roleName("auditor")).role().roleLastUsed();

        assertThat(used.lastUsedDate()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(used.region()).isEqualTo("us-east-1");
    }

    @Test
    void getServiceLastAccessedDetails_pagesWithMaxItemsAndMarker() {
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(ALICE)).jobId();
        GetServiceLastAccessedDetailsResponse first = SIGIL.root().getServiceLastAccessedDetails(
                q -> q.jobId(jobId).maxItems(3));
        GetServiceLastAccessedDetailsResponse rest = SIGIL.root().getServiceLastAccessedDetails(
                q -> q.jobId(jobId).maxItems(3).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.servicesLastAccessed()).hasSize(3);
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.marker()).isNull();
        assertThat(rest.servicesLastAccessed()).extracting(ServiceLastAccessed::serviceNamespace)
                .containsExactly("sts");
        awsError(() -> SIGIL.root().getServiceLastAccessedDetails(q -> q.jobId(jobId).marker("bogus")),
                InvalidInputException.class, 400, "InvalidInput", "Invalid Marker: bogus");
    }

    @Test
    void listPoliciesGrantingServiceAccess_namesInlinePoliciesWithTheirEntity_andManagedOnesByArn() {
        Map<String, List<PolicyGrantingServiceAccess>> byNs = SIGIL.root().listPoliciesGrantingServiceAccess(
                r -> r.arn(ALICE).serviceNamespaces("iam", "ec2", "kms")).policiesGrantingServiceAccess().stream()
                .collect(Collectors.toMap(ListPoliciesGrantingServiceAccessEntry::serviceNamespace,
                        ListPoliciesGrantingServiceAccessEntry::policies));
        List<PolicyGrantingServiceAccess> role = SIGIL.root().listPoliciesGrantingServiceAccess(
                r -> r.arn(AUDITOR).serviceNamespaces("iam")).policiesGrantingServiceAccess().get(0).policies();

        assertThat(byNs.get("iam")).containsExactly(
                PolicyGrantingServiceAccess.builder().policyName("alice-inline").policyType(PolicyType.INLINE)
                        .entityType(PolicyOwnerEntityType.USER).entityName("alice").build(),
                PolicyGrantingServiceAccess.builder().policyName("devs-inline").policyType(PolicyType.INLINE)
                        .entityType(PolicyOwnerEntityType.GROUP).entityName("devs").build());
        assertThat(byNs.get("ec2")).extracting(PolicyGrantingServiceAccess::policyName).containsExactly("devs-inline");
        assertThat(byNs.get("kms")).isEmpty();
        assertThat(role).containsExactly(PolicyGrantingServiceAccess.builder().policyName("IamReader")
                .policyType(PolicyType.MANAGED).policyArn(READER).build());
    }

    @Test
    void errors_unknownEntitiesAreNoSuchEntity_andArnsOfOtherKindsInvalidInput() {
        awsError(() -> SIGIL.root()
                .generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::" + ACCOUNT + ":user/ghost")),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name ghost cannot be found.");
        awsError(() -> SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::" + ACCOUNT
                + ":policy/Nope")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "Policy arn:aws:iam::" + ACCOUNT + ":policy/Nope was not found.");
        String profile = "arn:aws:iam::" + ACCOUNT + ":instance-profile/p";
        awsError(() -> SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(profile)),
                InvalidInputException.class,
                400, "InvalidInput", "ARN " + profile + " is not valid.");
        awsError(() -> SIGIL.root().listPoliciesGrantingServiceAccess(r -> r.arn(READER).serviceNamespaces("iam")),
                InvalidInputException.class, 400, "InvalidInput", "ARN " + READER + " is not valid.");
        awsError(() -> SIGIL.root().getServiceLastAccessedDetails(r -> r.jobId("00000000-0000-0000-0000-000000000000")),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);
    }

    @Test
    void limits_twoHundredServiceNamespacesAreAccepted_twoHundredAndOneAreAValidationError() {
        List<String> ns200 = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "svc" + i).toList();
        List<String> ns201 = java.util.stream.IntStream.range(0, 201).mapToObj(i -> "svc" + i).toList();

        assertThat(SIGIL.root().listPoliciesGrantingServiceAccess(r -> r.arn(ALICE).serviceNamespaces(ns200))
                .policiesGrantingServiceAccess()).hasSize(200);
        awsError(() -> SIGIL.root().listPoliciesGrantingServiceAccess(r -> r.arn(ALICE).serviceNamespaces(ns201)),
                IamException.class, 400, "ValidationError", null);
        awsError(() -> SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(ALICE).granularity("HOURLY")),
                IamException.class, 400, "ValidationError", null);
        awsError(() -> SIGIL.root().getServiceLastAccessedDetails(r -> r.jobId("short")), IamException.class, 400,
                "ValidationError", null);
    }

    @Test
    void aJobIsReadableOnlyByTheCallerThatGeneratedIt() {
        String jobId = SIGIL.root().generateServiceLastAccessedDetails(r -> r.arn(ALICE)).jobId();
        SIGIL.root().createUser(r -> r.userName("carol"));
        SIGIL.root().putUserPolicy(r -> r.userName("carol").policyName("advisor")
                .policyDocument(SdkFixture.allow("iam:GetServiceLastAccessedDetails")));
        var key = SIGIL.root().createAccessKey(r -> r.userName("carol")).accessKey();
        try (IamClient carol = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            awsError(() -> carol.getServiceLastAccessedDetails(r -> r.jobId(jobId)), NoSuchEntityException.class,
                    404, "NoSuchEntity", null);
        }
    }

    @Test
    void generateIsAuthorisedOnTheSubjectsArn() {
        var e = awsError(() -> alice.generateServiceLastAccessedDetails(r -> r.arn(BOB)), IamException.class, 403,
                "AccessDenied", null);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + ALICE
                + " is not authorized to perform: iam:GenerateServiceLastAccessedDetails on resource: user "
                + BOB.substring(BOB.lastIndexOf('/') + 1)
                + " because no identity-based policy allows the iam:GenerateServiceLastAccessedDetails action");
    }
}
