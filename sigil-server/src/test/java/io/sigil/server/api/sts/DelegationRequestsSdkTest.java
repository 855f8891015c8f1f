package io.sigil.server.api.sts;

import static io.sigil.server.api.sts.RoleFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.CreateDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.DelegationRequest;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.ListDelegationRequestsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyParameter;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTradeInTokenException;
import software.amazon.awssdk.services.sts.model.GetDelegatedAccessTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * IAM delegation requests (IAM API Reference: CreateDelegationRequest, GetDelegationRequest, ListDelegationRequests,
 * AssociateDelegationRequest, UpdateDelegationRequest, AcceptDelegationRequest, RejectDelegationRequest,
 * SendDelegationToken) and STS GetDelegatedAccessToken through the AWS SDK, between a partner account and a
 * customer (owner) account, following the lifecycle of the IAM User Guide's "Understanding the Request Lifecycle".
 */
class DelegationRequestsSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The template the partner registers: reading users, with the user name as a parameter. */
    private static final String TEMPLATE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"iam:ListUsers\",\"iam:GetUser\"],\"Resource\":\"*\"}]}";

    /** A partner account with its template policy, and a customer account with an administrator role session. */
    private record Parties(AccountFixture partner, String templateArn, AccountFixture customer, Role adminRole,
                           Credentials admin) {}

    private static Parties parties(String tag) {
        AccountFixture partner = AccountFixture.create();
        String templateArn;
        try (IamClient iam = partner.iam()) {
            templateArn = iam.createPolicy(r -> r.policyName("tpl-" + tag).policyDocument(TEMPLATE)).policy().arn();
        }
        AccountFixture customer = AccountFixture.create();
        String all = StsServer.policy("Allow", "[\"iam:*\",\"sts:*\"]", "*");
        Role role = RoleFixture.role(customer.accountId(), "admin-" + tag,
                trust("arn:aws:iam::" + customer.accountId() + ":root", "\"sts:AssumeRole\"", null), all, 3600,
                List.of());
        AccessKey key = userWithPolicy(customer, "assumer-" + tag,
                StsServer.policy("Allow", "\"sts:AssumeRole\"", role.arn()));
        Credentials session;
        try (StsClient sts = server().sts(key.accessKeyId(), key.secretAccessKey())) {
            session = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("admin-session")).credentials();
        }
        return new Parties(partner, templateArn, customer, role, session);
    }

    private static AccessKey userWithPolicy(AccountFixture a, String name, String policy) {
        try (IamClient iam = a.iam()) {
            iam.createUser(r -> r.userName(name));
            if (policy != null) {
                iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
            }
            return iam.createAccessKey(r -> r.userName(name)).accessKey();
        }
    }

    private static SigilTestServer server() {
        return AccountFixture.server();
    }

    private static String create(Parties p, String workflow, Consumer<CreateDelegationRequestRequest.Builder> more) {
        try (IamClient iam = p.partner().iam()) {
            return iam.createDelegationRequest(r -> {
                r.ownerAccountId(p.customer().accountId()).description("Read your users")
                        .permissions(x -> x.policyTemplateArn(p.templateArn()).parameters(PolicyParameter.builder()
                                .name("UserName").type("string").values("alice").build()))
                        .requestorWorkflowId(workflow).notificationChannel("arn:aws:sns:us-east-1:"
                                + p.partner().accountId() + ":partner-topic")
                        .sessionDuration(900).redirectUrl("https://partner.example/back");
                more.accept(r);
            }).delegationRequestId();
        }
    }

    private static DelegationRequest get(IamClient iam, String id) {
        return iam.getDelegationRequest(r -> r.delegationRequestId(id)).delegationRequest();
    }

    /** The exchange token, as the partner's notification channel receives it (Sigil's dev endpoint). */
    private static String exchangeToken(String id) throws Exception {
        HttpResponse<String> r = server().raw("GET", "/_sigil/notifications?DelegationRequestId=" + id, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.get("DelegationRequestId").asText()).isEqualTo(id);
        return n.get("ExchangeToken").asText();
    }

    @Test
    void theApprovalPath_endsInCredentialsOfTheAcceptingIdentity_limitedByThePermissionPolicy() throws Exception {
        Parties p = parties("life");
        String id = create(p, "wf-life", r -> r.requestMessage("ticket 7"));
        String sessionArn = "arn:aws:sts::" + p.customer().accountId() + ":assumed-role/admin-life/admin-session";

        try (IamClient admin = server().iam(p.admin())) {
            DelegationRequest fresh = get(admin, id);
            assertThat(fresh.stateAsString()).isEqualTo("UNASSIGNED");
            assertThat(fresh.ownerAccountId()).isEqualTo(p.customer().accountId());
            assertThat(fresh.requestorId()).isEqualTo(p.partner().accountId());
            assertThat(fresh.permissionPolicy()).isEqualTo(TEMPLATE);
            assertThat(fresh.permissions().parameters()).extracting(PolicyParameter::name).containsExactly("UserName");
            assertThat(fresh.requestMessage()).isEqualTo("ticket 7");
            assertThat(fresh.sessionDuration()).isEqualTo(900);
            assertThat(Duration.between(fresh.createDate(), fresh.expirationTime()))
                    .as("a pending request waits 7 days for its decision").isEqualTo(Duration.ofDays(7));
            assertThat(admin.listDelegationRequests(r -> { }).delegationRequests())
                    .as("a request without an owner is not listed").isEmpty();

            admin.associateDelegationRequest(r -> r.delegationRequestId(id));
            DelegationRequest assigned = get(admin, id);
            assertThat(assigned.stateAsString()).isEqualTo("ASSIGNED");
            assertThat(assigned.ownerId()).isEqualTo(sessionArn);
            ListDelegationRequestsResponse listed = admin.listDelegationRequests(r -> r.ownerId(sessionArn));
            assertThat(listed.delegationRequests()).extracting(DelegationRequest::delegationRequestId)
                    .containsExactly(id);
            assertThat(listed.isTruncated()).isFalse();

            admin.updateDelegationRequest(r -> r.delegationRequestId(id).notes("please approve"));
            assertThat(get(admin, id).stateAsString()).isEqualTo("PENDING_APPROVAL");
            assertThat(get(admin, id).notes()).isEqualTo("please approve");

            admin.acceptDelegationRequest(r -> r.delegationRequestId(id));
            assertThat(get(admin, id).stateAsString()).isEqualTo("ACCEPTED");
            assertThat(get(admin, id).approverId()).isEqualTo(sessionArn);
            assertThat(server().raw("GET", "/_sigil/notifications?DelegationRequestId=" + id, null, null)
                    .statusCode()).as("no token before it is sent").isEqualTo(404);

            admin.sendDelegationToken(r -> r.delegationRequestId(id));
            DelegationRequest finalized = get(admin, id);
            assertThat(finalized.stateAsString()).isEqualTo("FINALIZED");
            assertThat(Duration.between(Instant.now(), finalized.expirationTime()).getSeconds())
                    .as("the delegation period starts now").isBetween(890L, 900L);
        }

        String token = exchangeToken(id);
        GetDelegatedAccessTokenResponse out;
        try (StsClient partner = p.partner().sts()) {
            out = partner.getDelegatedAccessToken(r -> r.tradeInToken(token));
        }
        assertThat(out.assumedPrincipal()).isEqualTo(sessionArn);
        String audit = server().awaitAuditLine(out.responseMetadata().requestId());
        assertThat(audit).as("the audit log hides the trade-in token").doesNotContain(token)
                .contains("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(out.packedPolicySize()).isBetween(1, 100);
        try (StsClient sts = server().sts(out.credentials())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(sessionArn);
        }
        try (IamClient delegated = server().iam(out.credentials())) {
            assertThat(delegated.listUsers().users()).isNotNull();
            assertThatThrownBy(() -> delegated.createUser(r -> r.userName("not-allowed")))
                    .as("the role may, the permission policy does not")
                    .isInstanceOfSatisfying(IamException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void theTradeInToken_isTheRequestorsAlone_andAnAlteredOneIsRefused() throws Exception {
        Parties p = parties("tok");
        String id = create(p, "wf-tok", r -> { });
        try (IamClient admin = server().iam(p.admin())) {
            admin.associateDelegationRequest(r -> r.delegationRequestId(id));
            admin.acceptDelegationRequest(r -> r.delegationRequestId(id));
            admin.sendDelegationToken(r -> r.delegationRequestId(id));
        }
        String token = exchangeToken(id);
        try (StsClient other = AccountFixture.create().sts()) {
            assertInvalidToken(() -> other.getDelegatedAccessToken(r -> r.tradeInToken(token)));
        }
        try (StsClient partner = p.partner().sts()) {
            String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
            assertInvalidToken(() -> partner.getDelegatedAccessToken(r -> r.tradeInToken(altered)));
            assertInvalidToken(() -> partner.getDelegatedAccessToken(r -> r.tradeInToken("no-dot-here")));
        }
    }

    private static void assertInvalidToken(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        });
    }

    @Test
    void afterTheDelegationPeriod_theTokenIsExpiredTradeInToken() throws Exception {
        Parties p = parties("exp");
        String id = create(p, "wf-exp", r -> r.sessionDuration(300));
        try (IamClient admin = server().iam(p.admin())) {
            admin.associateDelegationRequest(r -> r.delegationRequestId(id));
            admin.acceptDelegationRequest(r -> r.delegationRequestId(id));
            admin.sendDelegationToken(r -> r.delegationRequestId(id));
        }
        String token = exchangeToken(id);
        try (StsClient partner = p.partner().sts()) {
            server().clock().set(Duration.ofSeconds(301));
            assertThatThrownBy(() -> partner.getDelegatedAccessToken(r -> r.tradeInToken(token)))
                    .isInstanceOfSatisfying(ExpiredTradeInTokenException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTradeInTokenException");
                    });
            try (IamClient admin = p.customer().iam()) {
                assertThat(get(admin, id).stateAsString()).isEqualTo("EXPIRED");
            }
        } finally {
            server().clock().reset();
        }
    }

    @Test
    void aRequestForOneAccount_isNoSuchEntityToAnyOther_whileOneWithoutOwnerAccountIsVisibleToAll() {
        Parties p = parties("vis");
        String targeted = create(p, "wf-vis-1", r -> { });
        String open = create(p, "wf-vis-2", r -> r.ownerAccountId(null));
        try (IamClient third = AccountFixture.create().iam()) {
            assertThatThrownBy(() -> get(third, targeted)).isInstanceOfSatisfying(NoSuchEntityException.class, e ->
                    assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> third.associateDelegationRequest(r -> r.delegationRequestId(targeted)))
                    .isInstanceOf(NoSuchEntityException.class);
            assertThat(get(third, open).stateAsString()).isEqualTo("UNASSIGNED");
            third.associateDelegationRequest(r -> r.delegationRequestId(open));
            assertThat(get(third, open).stateAsString()).isEqualTo("ASSIGNED");
        }
        try (IamClient partner = p.partner().iam()) {
            assertThat(get(partner, targeted).requestorId()).as("the requestor sees its own request")
                    .isEqualTo(p.partner().accountId());
            assertThatThrownBy(() -> get(partner, "dr-00000000-unknown"))
                    .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("The delegation request with id dr-00000000-unknown cannot be"
                            + " found."));
        }
    }

    @Test
    void transitionsOutOfOrder_areInvalidInput_andARejectedRequestTakesNoFurtherDecision() {
        Parties p = parties("order");
        String id = create(p, "wf-order", r -> { });
        try (IamClient admin = server().iam(p.admin())) {
            assertThatThrownBy(() -> admin.acceptDelegationRequest(r -> r.delegationRequestId(id)))
                    .as("not associated yet").isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.statusCode()).isEqualTo(400));
            admin.associateDelegationRequest(r -> r.delegationRequestId(id));
            assertThatThrownBy(() -> admin.associateDelegationRequest(r -> r.delegationRequestId(id)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> admin.sendDelegationToken(r -> r.delegationRequestId(id)))
                    .as("not accepted yet").isInstanceOf(InvalidInputException.class);
            admin.acceptDelegationRequest(r -> r.delegationRequestId(id));
            admin.rejectDelegationRequest(r -> r.delegationRequestId(id).notes("changed my mind"));
            DelegationRequest rejected = get(admin, id);
            assertThat(rejected.stateAsString()).isEqualTo("REJECTED");
            assertThat(rejected.rejectionReason()).isEqualTo("changed my mind");
            assertThat(Duration.between(Instant.now(), rejected.expirationTime()).toDays())
                    .as("rejected requests expire after 7 days").isBetween(6L, 7L);
            assertThatThrownBy(() -> admin.acceptDelegationRequest(r -> r.delegationRequestId(id)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).contains("REJECTED"));
            assertThatThrownBy(() -> admin.updateDelegationRequest(r -> r.delegationRequestId(id).notes("x")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void creation_refusesAReusedWorkflowId_anUnknownTemplate_andASessionDurationOutside300To43200() {
        Parties p = parties("create");
        create(p, "wf-dup", r -> { });
        assertThatThrownBy(() -> create(p, "wf-dup", r -> { }))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(409));
        assertThatThrownBy(() -> create(p, "wf-tpl", r -> r.permissions(x -> x.policyTemplateArn(
                "arn:aws:iam::" + p.partner().accountId() + ":policy/none"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        for (int bad : new int[] {299, 43201}) {
            assertThatThrownBy(() -> create(p, "wf-bad-" + bad, r -> r.sessionDuration(bad)))
                    .isInstanceOfSatisfying(IamException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
        assertThat(create(p, "wf-300", r -> r.sessionDuration(300))).isNotBlank();
        assertThat(create(p, "wf-43200", r -> r.sessionDuration(43200))).isNotBlank();
    }

    @Test
    void onlySendByOwner_refusesAnotherIdentity_andTheOwnerHasDefaultPermissionToGetAndUpdate() {
        Parties p = parties("owner");
        String id = create(p, "wf-owner", r -> r.onlySendByOwner(true));
        String ownerPolicy = StsServer.policy("Allow", "\"iam:AssociateDelegationRequest\"", "*");
        AccessKey owner = userWithPolicy(p.customer(), "dr-owner", ownerPolicy);
        try (IamClient asOwner = server().iam(owner.accessKeyId(), owner.secretAccessKey());
             IamClient admin = server().iam(p.admin())) {
            asOwner.associateDelegationRequest(r -> r.delegationRequestId(id));
            assertThat(get(asOwner, id).ownerId()).as("default permission to get")
                    .isEqualTo("arn:aws:iam::" + p.customer().accountId() + ":user/dr-owner");
            asOwner.updateDelegationRequest(r -> r.delegationRequestId(id).notes("for the admins"));
            assertThatThrownBy(() -> asOwner.acceptDelegationRequest(r -> r.delegationRequestId(id)))
                    .as("no default permission to accept").isInstanceOfSatisfying(IamException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            admin.acceptDelegationRequest(r -> r.delegationRequestId(id));
            assertThatThrownBy(() -> admin.sendDelegationToken(r -> r.delegationRequestId(id)))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
        }
    }

    @Test
    void thePermissionCheck_comparesTheCallersPermissionsWithThePermissionPolicy() {
        Parties p = parties("check");
        String id = create(p, "wf-check", r -> r.ownerAccountId(null));
        AccessKey listOnly = userWithPolicy(p.customer(), "dr-list-only", StsServer.policy("Allow",
                "[\"iam:GetDelegationRequest\",\"iam:ListUsers\"]", "*"));
        try (IamClient admin = server().iam(p.admin());
             IamClient limited = server().iam(listOnly.accessKeyId(), listOnly.secretAccessKey())) {
            GetDelegationRequestResponse full = admin.getDelegationRequest(r -> r.delegationRequestId(id)
                    .delegationPermissionCheck(true));
            assertThat(full.permissionCheckStatusAsString()).isEqualTo("COMPLETE");
            assertThat(full.permissionCheckResultAsString()).isEqualTo("ALLOWED");
            GetDelegationRequestResponse partial = limited.getDelegationRequest(r -> r.delegationRequestId(id)
                    .delegationPermissionCheck(true));
            assertThat(partial.permissionCheckResultAsString()).as("iam:GetUser is missing").isEqualTo("DENIED");
            assertThat(admin.getDelegationRequest(r -> r.delegationRequestId(id)).permissionCheckStatus())
                    .as("no check unless asked").isNull();
        }
    }

    @Test
    void theOwnersDefaultPermission_givesWayToAnExplicitDeny() {
        Parties p = parties("deny");
        String id = create(p, "wf-deny", r -> { });
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:AssociateDelegationRequest\",\"Resource\":\"*\"},{\"Effect\":\"Deny\","
                + "\"Action\":\"iam:GetDelegationRequest\",\"Resource\":\"*\"}]}";
        AccessKey owner = userWithPolicy(p.customer(), "dr-denied-owner", policy);
        try (IamClient asOwner = server().iam(owner.accessKeyId(), owner.secretAccessKey())) {
            asOwner.associateDelegationRequest(r -> r.delegationRequestId(id));
            assertThatThrownBy(() -> get(asOwner, id)).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).contains("iam:GetDelegationRequest on resource: "
                        + "arn:aws:iam::" + p.customer().accountId() + ":delegation-request/" + id)
                        .contains("explicit deny");
            });
        }
    }
}
