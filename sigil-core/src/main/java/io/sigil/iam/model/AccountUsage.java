package io.sigil.iam.model;

/**
 * What an account holds, counted for GetAccountSummary (IAM API Reference, "GetAccountSummary", SummaryMap keys
 * {@code Users}, {@code Groups}, {@code Roles}, {@code Policies}, {@code PolicyVersionsInUse},
 * {@code ServerCertificates}, {@code InstanceProfiles}, {@code MFADevices}, {@code MFADevicesInUse},
 * {@code AccountAccessKeysPresent}, {@code AccountSigningCertificatesPresent}, {@code Providers}).
 *
 * @param roles every role, service-linked roles included
 * @param policies customer managed policies (AWS managed policies belong to no account)
 * @param policyVersionsInUse managed-policy attachments to users, groups and roles, AWS managed ones included
 * @param mfaDevices virtual MFA devices of the account, assigned or not
 * @param mfaDevicesInUse the MFA devices enabled for a user
 * @param rootAccessKeys access keys of the root user
 * @param rootSigningCertificates signing certificates of the root user
 * @param providers SAML and OpenID Connect identity providers
 */
public record AccountUsage(int users, int groups, int roles, int policies, int policyVersionsInUse,
                           int serverCertificates, int instanceProfiles, int mfaDevices, int mfaDevicesInUse,
                           int rootAccessKeys, int rootSigningCertificates, int providers) {
}
