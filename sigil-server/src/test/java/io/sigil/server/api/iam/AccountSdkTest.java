package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.Account;
import io.sigil.server.testing.ServerPerClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * CreateAccountAlias, DeleteAccountAlias, ListAccountAliases and GetAccountSummary through the SDK (IAM API
 * Reference; spec §1.1, §6, §10 #75). The alias and the counts are account-wide, so this class has a server of
 * its own and leaves no alias behind.
 */
class AccountSdkTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @AfterEach
    void noAliasLeft() {
        for (String alias : SIGIL.root().listAccountAliases().accountAliases()) {
            SIGIL.root().deleteAccountAlias(r -> r.accountAlias(alias));
        }
    }

    @Test
    void listAccountAliases_withoutAnAlias_isAnEmptyListThatIsNotTruncated() {
        ListAccountAliasesResponse r = SIGIL.root().listAccountAliases();

        assertThat(r.accountAliases()).isEmpty();
        assertThat(r.hasAccountAliases()).isTrue();
        assertThat(r.isTruncated()).isFalse();
    }

    @Test
    void createAccountAlias_isListed_andASecondAliasReplacesTheFirst() {
        SIGIL.root().createAccountAlias(r -> r.accountAlias("my-alias"));
        assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly("my-alias");

        SIGIL.root().createAccountAlias(r -> r.accountAlias("other-alias-2"));

        assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly("other-alias-2");
    }

    /** AWS's own text for a malformed alias (app-sre/qontract-schemas#824); a 12-digit number is refused too. */
    @Test
    void createAccountAlias_ofTheWrongForm_orTwelveDigits_isValidationError_andSetsNoAlias() {
        for (String bad : List.of("Upper-Case", "a--b", "-leading", "ab", "x".repeat(64))) {
            IamException e = awsError(() -> SIGIL.root().createAccountAlias(r -> r.accountAlias(bad)),
                    IamException.class, 400, "ValidationError", null);
            assertThat(e.awsErrorDetails().errorMessage()).as(bad).isEqualTo("The specified value for accountAlias is "
                    + "invalid. It must be a minimum length of 3 characters and maximum length of 63 characters, "
                    + "contain only digits, lowercase letters, and hyphens (-), but cannot begin or end with a hyphen.");
        }
        IamException digits = awsError(() -> SIGIL.root().createAccountAlias(r -> r.accountAlias("123456789012")),
                IamException.class, 400, "ValidationError", null);
        assertThat(digits.awsErrorDetails().errorMessage()).endsWith("and cannot be a 12-digit number.");
        SIGIL.root().createAccountAlias(r -> r.accountAlias("1234567890123"));
        assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly("1234567890123");
    }

    @Test
    void createAccountAlias_withTheAliasTheAccountAlreadyHas_isEntityAlreadyExists() {
        SIGIL.root().createAccountAlias(r -> r.accountAlias("same-alias"));

        awsError(() -> SIGIL.root().createAccountAlias(r -> r.accountAlias("same-alias")),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "The account alias same-alias already exists.");
    }

    @Test
    void createAccountAlias_heldByAnotherAccount_isEntityAlreadyExists_andLeavesBothAliasesAsTheyWere() {
        var store = SIGIL.server().app().store();
        store.write(tx -> tx.accounts().create(new Account("210987654321", "taken-elsewhere", Instant.now(), 0)));
        SIGIL.root().createAccountAlias(r -> r.accountAlias("mine-before"));

        awsError(() -> SIGIL.root().createAccountAlias(r -> r.accountAlias("taken-elsewhere")),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "The account alias taken-elsewhere already exists.");

        assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly("mine-before");
        assertThat(store.read(tx -> tx.accounts().get("210987654321")).alias()).isEqualTo("taken-elsewhere");
    }

    @Test
    void accountAliases_outsideAwsPattern_areValidationErrors_onCreateAndDelete() {
        // ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$, 3 to 63 characters (API Reference, CreateAccountAlias)
        for (String bad : List.of("-bad", "bad-", "ba--d", "Upper", "ab", "a".repeat(64), "has_underscore")) {
            IamException e = awsError(() -> SIGIL.root().createAccountAlias(r -> r.accountAlias(bad)),
                    IamException.class, 400,
                    "ValidationError", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("accountAlias");
            awsError(() -> SIGIL.root().deleteAccountAlias(r -> r.accountAlias(bad)), IamException.class, 400,
                    "ValidationError", null);
        }
        assertThat(SIGIL.root().listAccountAliases().accountAliases()).isEmpty();
    }

    @Test
    void accountAliases_atTheLengthBoundsAndWithSingleHyphens_areAccepted() {
        for (String good : List.of("abc", "a".repeat(63), "a-b-c", "123-abc")) {
            SIGIL.root().createAccountAlias(r -> r.accountAlias(good));
            assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly(good);
        }
    }

    @Test
    void deleteAccountAlias_ofAnotherName_isNoSuchEntity_andKeepsTheAlias() {
        awsError(() -> SIGIL.root().deleteAccountAlias(r -> r.accountAlias("never-set")), NoSuchEntityException.class,
                404,
                "NoSuchEntity", "The account alias never-set cannot be found.");
        SIGIL.root().createAccountAlias(r -> r.accountAlias("kept-alias"));

        awsError(() -> SIGIL.root().deleteAccountAlias(r -> r.accountAlias("wrong-alias")),
                NoSuchEntityException.class, 404,
                "NoSuchEntity", "The account alias wrong-alias cannot be found.");

        assertThat(SIGIL.root().listAccountAliases().accountAliases()).containsExactly("kept-alias");
        SIGIL.root().deleteAccountAlias(r -> r.accountAlias("kept-alias"));
        assertThat(SIGIL.root().listAccountAliases().accountAliases()).isEmpty();
    }

    @Test
    void listAccountAliases_pagesWithMaxItems_andRejectsAForeignMarker() {
        SIGIL.root().createAccountAlias(r -> r.accountAlias("paged-alias"));

        ListAccountAliasesResponse page = SIGIL.root().listAccountAliases(r -> r.maxItems(1));
        assertThat(page.accountAliases()).containsExactly("paged-alias");
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.marker()).isNull();
        awsError(() -> SIGIL.root().listAccountAliases(r -> r.marker("not-a-marker")), IamException.class, 400,
                "InvalidInput", "Invalid Marker: not-a-marker");
        awsError(() -> SIGIL.root().listAccountAliases(r -> r.maxItems(0)), IamException.class, 400, "ValidationError",
                null);
    }

    @Test
    void accountAliasOperations_areEnforced_eachByItsOwnAction() {
        SIGIL.root().createUser(r -> r.userName("alias-lister"));
        try (IamClient lister = signingAs(SIGIL.server(), "alias-lister", allow("iam:ListAccountAliases"))) {
            assertThat(lister.listAccountAliases().accountAliases()).isEmpty();
            IamException denied = awsError(() -> lister.createAccountAlias(r -> r.accountAlias("denied-alias")),
                    IamException.class, 403, "AccessDenied", null);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::"
                    + SdkFixture.ACCOUNT + ":user/alias-lister is not authorized to perform: iam:CreateAccountAlias"
                    + " on resource: * because no identity-based policy allows the iam:CreateAccountAlias action");
            awsError(() -> lister.getAccountSummary(), IamException.class, 403, "AccessDenied", null);
        }
        assertThat(SIGIL.root().listAccountAliases().accountAliases()).isEmpty();
    }

    @Test
    void getAccountSummary_hasEveryKeyOfTheApiReference_withAwsDefaultQuotas() {
        Map<SummaryKeyType, Integer> m = SIGIL.root().getAccountSummary().summaryMap();

        List<SummaryKeyType> missing = new ArrayList<>(SummaryKeyType.knownValues());
        missing.removeAll(m.keySet());
        assertThat(missing).isEmpty();
        assertThat(m).containsEntry(SummaryKeyType.USERS_QUOTA, 5000)
                .containsEntry(SummaryKeyType.GROUPS_QUOTA, 300)
                .containsEntry(SummaryKeyType.ROLES_QUOTA, 1000)
                .containsEntry(SummaryKeyType.POLICIES_QUOTA, 1500)
                .containsEntry(SummaryKeyType.INSTANCE_PROFILES_QUOTA, 1000)
                .containsEntry(SummaryKeyType.SERVER_CERTIFICATES_QUOTA, 20)
                .containsEntry(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA, 2)
                .containsEntry(SummaryKeyType.SIGNING_CERTIFICATES_PER_USER_QUOTA, 2)
                .containsEntry(SummaryKeyType.GROUPS_PER_USER_QUOTA, 10)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_USER_QUOTA, 10)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_GROUP_QUOTA, 10)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_ROLE_QUOTA, 10)
                .containsEntry(SummaryKeyType.USER_POLICY_SIZE_QUOTA, 2048)
                .containsEntry(SummaryKeyType.GROUP_POLICY_SIZE_QUOTA, 5120)
                .containsEntry(SummaryKeyType.ROLE_POLICY_SIZE_QUOTA, 10240)
                .containsEntry(SummaryKeyType.ASSUME_ROLE_POLICY_SIZE_QUOTA, 2048)
                .containsEntry(SummaryKeyType.POLICY_SIZE_QUOTA, 6144)
                .containsEntry(SummaryKeyType.VERSIONS_PER_POLICY_QUOTA, 5)
                .containsEntry(SummaryKeyType.POLICY_VERSIONS_IN_USE_QUOTA, 10000)
                .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0);
    }

    @Test
    void getAccountSummary_reportsTheGlobalEndpointTokenVersionTheAccountSet() {
        try {
            SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v2Token"));
            assertThat(SIGIL.root().getAccountSummary().summaryMap())
                    .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 2);
        } finally {
            SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v1Token"));
        }
        assertThat(SIGIL.root().getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1);
    }

    @Test
    void getAccountSummary_countsWhatTheAccountHolds_asItChanges() {
        Map<SummaryKeyType, Integer> before = SIGIL.root().getAccountSummary().summaryMap();
        SIGIL.root().createUser(r -> r.userName("summary-user"));
        SIGIL.root().createGroup(r -> r.groupName("summary-group"));
        SIGIL.root().createRole(r -> r.roleName("summary-role").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        String arn = SIGIL.root().createPolicy(r -> r.policyName("summary-policy")
                .policyDocument(allow("s3:GetObject")))
                .policy().arn();
        SIGIL.root().attachUserPolicy(r -> r.userName("summary-user").policyArn(arn));
        SIGIL.root().attachRolePolicy(r -> r.roleName("summary-role")
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("summary-profile"));
        SIGIL.root().createVirtualMFADevice(r -> r.virtualMFADeviceName("summary-mfa"));
        SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://summary.example.com").clientIDList("app"));

        Map<SummaryKeyType, Integer> after = SIGIL.root().getAccountSummary().summaryMap();

        assertThat(delta(before, after, SummaryKeyType.USERS)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.GROUPS)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.ROLES)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.POLICIES)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.POLICY_VERSIONS_IN_USE)).isEqualTo(2);
        assertThat(delta(before, after, SummaryKeyType.INSTANCE_PROFILES)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.MFA_DEVICES)).isEqualTo(1);
        assertThat(delta(before, after, SummaryKeyType.MFA_DEVICES_IN_USE)).isEqualTo(0);
        assertThat(delta(before, after, SummaryKeyType.PROVIDERS)).isEqualTo(1);
    }

    private static int delta(Map<SummaryKeyType, Integer> before, Map<SummaryKeyType, Integer> after,
                             SummaryKeyType key) {
        return after.get(key) - before.get(key);
    }
}
