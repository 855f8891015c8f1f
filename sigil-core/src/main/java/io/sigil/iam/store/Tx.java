package io.sigil.iam.store;

/** One transaction's view of the store, grouped by entity. Valid only inside the function it was given to. */
public interface Tx {

    AccountStore accounts();

    UserStore users();

    GroupStore groups();

    RoleStore roles();

    AccessKeyStore accessKeys();

    InlinePolicyStore inlinePolicies();

    TagStore tags();

    ManagedPolicyStore managedPolicies();

    InstanceProfileStore instanceProfiles();

    DeletionTaskStore deletionTasks();

    LoginProfileStore loginProfiles();

    PasswordPolicyStore passwordPolicies();

    MfaDeviceStore mfaDevices();

    SshKeyStore sshKeys();

    SigningCertificateStore signingCertificates();

    ServerCertificateStore serverCertificates();

    ServiceSpecificCredentialStore serviceSpecificCredentials();

    CredentialReportStore credentialReports();

    OutboundFederationStore outboundFederation();

    DelegationRequestStore delegationRequests();

    AccountPropertyStore accountProperties();

    OidcProviderStore oidcProviders();

    StsPreferencesStore stsPreferences();

    AccessRecordStore accessRecords();

    SamlProviderStore samlProviders();
}
