package io.sigil.server.api;

import io.sigil.iam.store.AccessKeyStore;
import io.sigil.iam.store.AccessRecordStore;
import io.sigil.iam.store.AccountPropertyStore;
import io.sigil.iam.store.AccountStore;
import io.sigil.iam.store.CredentialReportStore;
import io.sigil.iam.store.DelegationRequestStore;
import io.sigil.iam.store.DeletionTaskStore;
import io.sigil.iam.store.GroupStore;
import io.sigil.iam.store.InlinePolicyStore;
import io.sigil.iam.store.InstanceProfileStore;
import io.sigil.iam.store.LoginProfileStore;
import io.sigil.iam.store.ManagedPolicyStore;
import io.sigil.iam.store.MfaDeviceStore;
import io.sigil.iam.store.OidcProviderStore;
import io.sigil.iam.store.OutboundFederationStore;
import io.sigil.iam.store.PasswordPolicyStore;
import io.sigil.iam.store.RoleStore;
import io.sigil.iam.store.SamlProviderStore;
import io.sigil.iam.store.ServerCertificateStore;
import io.sigil.iam.store.ServiceSpecificCredentialStore;
import io.sigil.iam.store.SigningCertificateStore;
import io.sigil.iam.store.SshKeyStore;
import io.sigil.iam.store.StsPreferencesStore;
import io.sigil.iam.store.TagStore;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;

/**
 * A transaction that refuses every store: {@link EnforcementTable#resolveWithoutStore} resolves a rule with it to
 * find out whether the rule needs the store. A plain class rather than a {@code java.lang.reflect.Proxy}, which was
 * generated, defined and verified at every server start (sigil-bench's ColdStart).
 */
final class NoStoreTx implements Tx {
    static final NoStoreTx INSTANCE = new NoStoreTx();

    /** Thrown by every store of {@link NoStoreTx}; no stack trace, as it is expected. */
    static final class NeedsStore extends RuntimeException {
        static final NeedsStore INSTANCE = new NeedsStore();

        private NeedsStore() {
            super(null, null, false, false);
        }
    }

    private NoStoreTx() {}

    @Override
    public AccountStore accounts() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public UserStore users() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public GroupStore groups() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public RoleStore roles() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public AccessKeyStore accessKeys() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public InlinePolicyStore inlinePolicies() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public TagStore tags() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public ManagedPolicyStore managedPolicies() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public InstanceProfileStore instanceProfiles() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public DeletionTaskStore deletionTasks() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public LoginProfileStore loginProfiles() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public PasswordPolicyStore passwordPolicies() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public MfaDeviceStore mfaDevices() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public SshKeyStore sshKeys() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public SigningCertificateStore signingCertificates() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public ServerCertificateStore serverCertificates() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public ServiceSpecificCredentialStore serviceSpecificCredentials() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public CredentialReportStore credentialReports() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public OutboundFederationStore outboundFederation() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public DelegationRequestStore delegationRequests() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public AccountPropertyStore accountProperties() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public OidcProviderStore oidcProviders() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public StsPreferencesStore stsPreferences() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public AccessRecordStore accessRecords() {
        throw NeedsStore.INSTANCE;
    }

    @Override
    public SamlProviderStore samlProviders() {
        throw NeedsStore.INSTANCE;
    }
}
