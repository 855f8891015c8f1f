package io.sigil.iam.service;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.AccountUsage;
import io.sigil.iam.model.GlobalEndpointTokenVersion;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CreateAccountAlias, DeleteAccountAlias, ListAccountAliases and GetAccountSummary (IAM API Reference; spec §1.1,
 * §6). The alias's form (3–63 characters, {@code ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$}) is checked by the
 * protocol layer as AWS's ValidationError before this runs.
 *
 * <p>An account has at most one alias and a new one replaces it: "If you create a new alias for your AWS account,
 * the new alias overwrites the previous alias" (IAM User Guide, "Your AWS account ID and its alias"; observed on
 * AWS: a second CreateAccountAlias with a free name succeeds and swaps the alias). EntityAlreadyExists means the
 * name is taken, by another account ("must be unique across all Amazon Web Services products within a given
 * network partition") or by this one already, with AWS's text "The account alias NAME already exists.".
 */
public final class AccountService {

    /**
     * "Managed policies attached to IAM entities" as GetAccountSummary reports it ({@code PolicyVersionsInUseQuota};
     * IAM API Reference, GetAccountSummary sample response: 10000).
     */
    public static final int POLICY_VERSIONS_IN_USE_QUOTA = 10_000;

    private final Store store;
    private final Limits limits;

    public AccountService(Store store, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * An alias "cannot be a 12-digit number" (IAM User Guide, "IAM and AWS STS quotas", IAM name requirements), so
     * that it never reads as an account ID in a sign-in URL. AWS's text for it is not on record; this is the one it
     * answers for an alias of the wrong form (the W record of sigil-server's constraints-supplement.tsv), with the
     * 12-digit rule added.
     */
    static final String TWELVE_DIGITS = "The specified value for accountAlias is invalid. It must be a minimum "
            + "length of 3 characters and maximum length of 63 characters, contain only digits, lowercase letters, "
            + "and hyphens (-), but cannot begin or end with a hyphen, and cannot be a 12-digit number.";

    public void createAlias(String accountId, String alias) {
        if (alias.length() == 12 && alias.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw IamException.validationError(TWELVE_DIGITS);
        }
        store.write(tx -> {
            Account account = tx.accounts().get(accountId);
            if (alias.equals(account.alias())) {
                throw aliasTaken(alias);
            }
            tx.accounts().update(account.withAlias(alias));
        });
    }

    /** "The name of the account alias to delete": a name that is not the account's alias is NoSuchEntity. */
    public void deleteAlias(String accountId, String alias) {
        store.write(tx -> {
            Account account = tx.accounts().get(accountId);
            if (!alias.equals(account.alias())) {
                throw IamException.noSuchEntity("The account alias " + alias + " cannot be found.");
            }
            tx.accounts().update(account.withAlias(null));
        });
    }

    /** "Lists the account alias associated with the Amazon Web Services account (Note: you can have only one)." */
    public Page<String> listAliases(String accountId, PageRequest page) {
        String alias = store.read(tx -> tx.accounts().get(accountId)).alias();
        return ListPages.page(alias == null ? List.of() : List.of(alias), a -> a, page);
    }

    /**
     * The SummaryMap of GetAccountSummary: usage counted from the store, quotas in force. Keys are those of the
     * API Reference's {@code summaryKeyType}. The root user of a Sigil account has neither a console password nor
     * an MFA device (both are console-only in AWS), so {@code AccountMFAEnabled} and {@code AccountPasswordPresent}
     * are 0; {@code Providers} counts SAML and OpenID Connect providers.
     */
    public Map<String, Integer> summary(String accountId) {
        record Read(AccountUsage usage, GlobalEndpointTokenVersion tokenVersion) {}
        Read read = store.read(tx -> {
            tx.accounts().get(accountId);
            return new Read(tx.accounts().usage(accountId), tx.stsPreferences().globalEndpointTokenVersion(accountId)
                    .orElse(GlobalEndpointTokenVersion.DEFAULT));
        });
        AccountUsage u = read.usage();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Users", u.users());
        m.put("UsersQuota", limits.usersPerAccount());
        m.put("Groups", u.groups());
        m.put("GroupsQuota", limits.groupsPerAccount());
        m.put("ServerCertificates", u.serverCertificates());
        m.put("ServerCertificatesQuota", Limits.SERVER_CERTIFICATES_PER_ACCOUNT);
        m.put("UserPolicySizeQuota", limits.userPolicySize());
        m.put("GroupPolicySizeQuota", limits.groupPolicySize());
        m.put("GroupsPerUserQuota", limits.groupsPerUser());
        m.put("SigningCertificatesPerUserQuota", Limits.SIGNING_CERTIFICATES_PER_USER);
        m.put("AccessKeysPerUserQuota", limits.accessKeysPerUser());
        m.put("MFADevices", u.mfaDevices());
        m.put("MFADevicesInUse", u.mfaDevicesInUse());
        m.put("AccountMFAEnabled", 0);
        m.put("AccountAccessKeysPresent", u.rootAccessKeys() > 0 ? 1 : 0);
        m.put("AccountPasswordPresent", 0);
        m.put("AccountSigningCertificatesPresent", u.rootSigningCertificates() > 0 ? 1 : 0);
        m.put("AttachedPoliciesPerGroupQuota", limits.attachedPoliciesPerEntity());
        m.put("AttachedPoliciesPerRoleQuota", limits.attachedPoliciesPerEntity());
        m.put("AttachedPoliciesPerUserQuota", limits.attachedPoliciesPerEntity());
        m.put("Policies", u.policies());
        m.put("PoliciesQuota", limits.policiesPerAccount());
        m.put("PolicySizeQuota", limits.managedPolicySize());
        m.put("PolicyVersionsInUse", u.policyVersionsInUse());
        m.put("PolicyVersionsInUseQuota", POLICY_VERSIONS_IN_USE_QUOTA);
        m.put("VersionsPerPolicyQuota", limits.versionsPerPolicy());
        // 1 until SetSecurityTokenServicePreferences chose v2 tokens (IAM API Reference, that operation)
        m.put("GlobalEndpointTokenVersion", read.tokenVersion().number());
        m.put("AssumeRolePolicySizeQuota", Limits.TRUST_POLICY_SIZE);
        m.put("InstanceProfiles", u.instanceProfiles());
        m.put("InstanceProfilesQuota", limits.instanceProfilesPerAccount());
        m.put("Providers", u.providers());
        m.put("RolePolicySizeQuota", limits.rolePolicySize());
        m.put("Roles", u.roles());
        m.put("RolesQuota", limits.rolesPerAccount());
        return m;
    }

    private static IamException aliasTaken(String alias) {
        return IamException.entityAlreadyExists("The account alias " + alias + " already exists.");
    }
}
