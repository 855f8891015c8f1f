package io.sigil.server.app;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.sts.AssumeRoleService;
import io.sigil.iam.sts.AssumeRootService;
import io.sigil.iam.sts.AssumeRoleWithSamlService;
import io.sigil.iam.sts.AuthorizationMessages;
import io.sigil.iam.sts.DelegatedAccessService;
import io.sigil.iam.sts.OutboundFederationService;
import io.sigil.iam.sts.WebIdentityTokenService;
import io.sigil.iam.sts.MfaVerifier;
import io.sigil.iam.sts.SessionTokens;
import io.sigil.iam.sts.StsService;
import io.sigil.iam.sts.WebIdentityService;
import io.sigil.iam.service.AccessKeyService;
import io.sigil.iam.service.AccountService;
import io.sigil.iam.service.AuthorizationDetailsService;
import io.sigil.iam.service.AccessTracking;
import io.sigil.iam.service.BoundaryService;
import io.sigil.iam.service.AccountPropertiesService;
import io.sigil.iam.service.CredentialReportService;
import io.sigil.iam.service.DelegationPermissionCheck;
import io.sigil.iam.service.DelegationService;
import io.sigil.iam.service.GroupService;
import io.sigil.iam.service.InlinePolicyService;
import io.sigil.iam.service.InstanceProfileService;
import io.sigil.iam.service.LastAccessedService;
import io.sigil.iam.service.LastUsedRecorder;
import io.sigil.iam.service.ManagedPolicyService;
import io.sigil.iam.service.OidcProviderService;
import io.sigil.iam.service.PolicyAttachmentService;
import io.sigil.iam.service.PolicyListings;
import io.sigil.iam.service.RolePolicyService;
import io.sigil.iam.service.RoleService;
import io.sigil.iam.service.SamlProviderService;
import io.sigil.iam.service.ServerCertificateService;
import io.sigil.iam.service.RoleTemplateService;
import io.sigil.iam.service.ServiceLinkedRoleService;
import io.sigil.iam.service.LockoutPolicy;
import io.sigil.iam.service.LoginProfileService;
import io.sigil.iam.service.MfaService;
import io.sigil.iam.service.PasswordPolicyService;
import io.sigil.iam.service.ServiceSpecificCredentialService;
import io.sigil.iam.service.SigningCertificateService;
import io.sigil.iam.service.SshKeyService;
import io.sigil.iam.service.StsPreferencesService;
import io.sigil.iam.service.UserService;
import io.sigil.iam.store.Store;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.KeyUse;
import io.sigil.server.api.iam.AccessKeysApi;
import io.sigil.server.api.iam.AccountPropertiesApi;
import io.sigil.server.api.iam.AccountApi;
import io.sigil.server.api.iam.AuthorizationDetailsApi;
import io.sigil.server.api.iam.BoundariesApi;
import io.sigil.server.api.iam.CredentialReportsApi;
import io.sigil.server.api.iam.DelegationRequestsApi;
import io.sigil.server.api.iam.OutboundFederationApi;
import io.sigil.server.api.iam.GroupsApi;
import io.sigil.server.api.iam.InlinePoliciesApi;
import io.sigil.server.api.iam.InstanceProfilesApi;
import io.sigil.server.api.iam.LastAccessedApi;
import io.sigil.server.api.iam.ManagedPoliciesApi;
import io.sigil.server.api.iam.OidcProvidersApi;
import io.sigil.server.api.iam.PolicyAttachmentsApi;
import io.sigil.server.api.iam.RoleTemplatesApi;
import io.sigil.server.api.iam.RolesApi;
import io.sigil.server.api.iam.SamlProvidersApi;
import io.sigil.server.api.iam.ServerCertificatesApi;
import io.sigil.server.api.iam.ServiceLinkedRolesApi;
import io.sigil.server.api.iam.LoginProfilesApi;
import io.sigil.server.api.iam.MfaDevicesApi;
import io.sigil.server.api.iam.OrganizationsFeaturesApi;
import io.sigil.server.api.iam.PasswordPolicyApi;
import io.sigil.server.api.iam.ServiceSpecificCredentialsApi;
import io.sigil.server.api.iam.SigningCertificatesApi;
import io.sigil.server.api.iam.SimulatorApi;
import io.sigil.server.api.iam.SshPublicKeysApi;
import io.sigil.server.api.iam.StsPreferencesApi;
import io.sigil.server.api.iam.UsersApi;
import io.sigil.server.api.sts.StsIdentityApi;
import io.sigil.server.api.sts.StsOutboundApi;
import io.sigil.server.api.sts.StsRolesApi;
import io.sigil.server.api.sts.StsRootApi;
import io.sigil.server.api.sts.StsSamlApi;
import io.sigil.server.api.sts.StsTokensApi;
import io.sigil.server.api.sts.StsWebIdentityApi;
import io.sigil.server.oidc.JwtWebIdentityTokens;

import java.time.Clock;
import java.util.List;

/** The API areas the server offers; each area registers its operations' handlers. */
final class Modules {
    /**
     * Service-specific credential passwords are hashed harder than console passwords (OWASP 2023's PBKDF2-SHA256
     * figure): they are long-lived and verified rarely.
     */
    private static final int SERVICE_CREDENTIAL_ITERATIONS = 600_000;

    private Modules() {}

    /**
     * @param closeables where modules that hold resources register them to be closed with the app
     * @param box        the master key's box, from which STS derives its token and message keys
     * @param limits     the IAM quotas in force (AWS's defaults unless {@code sigil serve --quota} changed them)
     * @param tracking   this node's recorder of last accessed data
     * @param outbound   the accounts' outbound web identity issuers (also served over HTTP by the app)
     * @param allowHttpLoopbackIdp accept and fetch {@code http://} OIDC providers on loopback hosts
     */
    static List<ApiModule> all(Store store, Clock clock, List<AutoCloseable> closeables, SecretBox box,
                               Authorizer authorizer, Limits limits, AccessTracking tracking,
                               OutboundFederationService outbound, boolean allowHttpLoopbackIdp) {
        InlinePolicyService inlinePolicies = new InlinePolicyService(store, limits);
        SessionTokens tokens = new SessionTokens(box);
        MfaService mfa = new MfaService(store, clock);
        MfaVerifier sessionMfa = mfa::verifyForSession;
        StsService sts = new StsService(store, tokens, clock, sessionMfa);
        BoundaryService boundaries = new BoundaryService(store);
        DelegationService delegations = new DelegationService(store, clock);
        return List.of(
                new UsersApi(new UserService(store, clock, limits, boundaries)),
                new GroupsApi(new GroupService(store, clock, limits)),
                new AccessKeysApi(new AccessKeyService(store, clock)),
                new InlinePoliciesApi(inlinePolicies),
                new ManagedPoliciesApi(new ManagedPolicyService(store, clock, limits), new PolicyListings(store)),
                new PolicyAttachmentsApi(new PolicyAttachmentService(store)),
                new BoundariesApi(boundaries),
                new RolesApi(new RoleService(store, clock, boundaries), new RolePolicyService(store, inlinePolicies)),
                new ServiceLinkedRolesApi(new ServiceLinkedRoleService(store, clock)),
                new InstanceProfilesApi(new InstanceProfileService(store, clock)),
                new LoginProfilesApi(new LoginProfileService(store, clock, Pbkdf2Passwords.standard(),
                        LockoutPolicy.DEFAULT)),
                new PasswordPolicyApi(new PasswordPolicyService(store)),
                new MfaDevicesApi(mfa),
                new SshPublicKeysApi(new SshKeyService(store, clock)),
                new SigningCertificatesApi(new SigningCertificateService(store, clock)),
                new ServerCertificatesApi(new ServerCertificateService(store, clock, limits)),
                new ServiceSpecificCredentialsApi(new ServiceSpecificCredentialService(store, clock,
                        new Pbkdf2Passwords(SERVICE_CREDENTIAL_ITERATIONS))),
                new SimulatorApi(store),
                new CredentialReportsApi(new CredentialReportService(store, clock)),
                new LastAccessedApi(new LastAccessedService(store, clock, tracking)),
                new StsPreferencesApi(new StsPreferencesService(store)),
                new AccountApi(new AccountService(store, limits)),
                new OrganizationsFeaturesApi(),
                new AuthorizationDetailsApi(new AuthorizationDetailsService(store)),
                new StsIdentityApi(),
                new StsTokensApi(sts, new AuthorizationMessages(box)),
                new StsRolesApi(new AssumeRoleService(store, authorizer, tokens, clock, sessionMfa)),
                new StsRootApi(new AssumeRootService(authorizer)),
                new OutboundFederationApi(outbound),
                new DelegationRequestsApi(delegations, new DelegationPermissionCheck(authorizer)),
                new AccountPropertiesApi(new AccountPropertiesService(store)),
                new RoleTemplatesApi(new RoleTemplateService(), delegations),
                new StsOutboundApi(new WebIdentityTokenService(store, outbound, clock),
                        new DelegatedAccessService(store, tokens, clock)),
                new SamlProvidersApi(new SamlProviderService(store, clock, limits)),
                new StsSamlApi(new AssumeRoleWithSamlService(store, tokens, clock)),
                new OidcProvidersApi(new OidcProviderService(store, clock, limits, allowHttpLoopbackIdp)),
                new StsWebIdentityApi(new WebIdentityService(store,
                        new JwtWebIdentityTokens(clock, allowHttpLoopbackIdp), tokens, clock)));
    }

    /**
     * The recorder of last accessed data (access advisor): every authorised call's entity, service and action,
     * coalesced in memory, written in the background and at shutdown.
     */
    static AccessTracking accessTracking(Store store, List<AutoCloseable> closeables) {
        AccessTracking tracking = new AccessTracking(store);
        closeables.add(tracking);
        return tracking;
    }

    /** The recorder of access-key use for GetAccessKeyLastUsed: coalesced in memory, written in the background. */
    static KeyUse keyUse(Store store, List<AutoCloseable> closeables) {
        LastUsedRecorder recorder = new LastUsedRecorder(store);
        closeables.add(recorder);
        return recorder::record;
    }
}
