package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.error.IamException;
import io.sigil.iam.store.AccessKeyStore;
import io.sigil.iam.store.AccessRecordStore;
import io.sigil.iam.store.AccountPropertyStore;
import io.sigil.iam.store.AccountStore;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.DeletionTaskStore;
import io.sigil.iam.store.CredentialReportStore;
import io.sigil.iam.store.DelegationRequestStore;
import io.sigil.iam.store.OutboundFederationStore;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.GroupStore;
import io.sigil.iam.store.InlinePolicyStore;
import io.sigil.iam.store.InstanceProfileStore;
import io.sigil.iam.store.ManagedPolicyStore;
import io.sigil.iam.store.LoginProfileStore;
import io.sigil.iam.store.MfaDeviceStore;
import io.sigil.iam.store.OidcProviderStore;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/** One JDBC transaction: the entity stores share its connection and collect the change events to publish. */
public final class JdbcTx implements Tx {

    final Db db;
    final Dialect dialect;
    final SecretBox secretBox;
    final Limits limits;
    private final Set<ChangeEvent> events = new LinkedHashSet<>();
    private final JdbcAccounts accounts = new JdbcAccounts(this);
    private final JdbcUsers users = new JdbcUsers(this);
    private final JdbcGroups groups = new JdbcGroups(this);
    private final JdbcRoles roles = new JdbcRoles(this);
    private final JdbcAccessKeys accessKeys = new JdbcAccessKeys(this);
    private final JdbcInlinePolicies inlinePolicies = new JdbcInlinePolicies(this);
    private final JdbcTags tags = new JdbcTags(this);
    private final JdbcManagedPolicies managedPolicies = new JdbcManagedPolicies(this);
    private final JdbcInstanceProfiles instanceProfiles = new JdbcInstanceProfiles(this);
    private final JdbcDeletionTasks deletionTasks = new JdbcDeletionTasks(this);
    private final JdbcLoginProfiles loginProfiles = new JdbcLoginProfiles(this);
    private final JdbcPasswordPolicies passwordPolicies = new JdbcPasswordPolicies(this);
    private final JdbcMfaDevices mfaDevices = new JdbcMfaDevices(this);
    private final JdbcSshKeys sshKeys = new JdbcSshKeys(this);
    private final JdbcSigningCertificates signingCertificates = new JdbcSigningCertificates(this);
    private final JdbcServerCertificates serverCertificates = new JdbcServerCertificates(this);
    private final JdbcServiceSpecificCredentials serviceSpecificCredentials = new JdbcServiceSpecificCredentials(this);
    private final JdbcCredentialReports credentialReports = new JdbcCredentialReports(this);
    private final JdbcOutboundFederation outboundFederation = new JdbcOutboundFederation(this);
    private final JdbcDelegationRequests delegationRequests = new JdbcDelegationRequests(this);
    private final JdbcAccountProperties accountProperties = new JdbcAccountProperties(this);
    private final JdbcOidcProviders oidcProviders = new JdbcOidcProviders(this);
    private final JdbcStsPreferences stsPreferences = new JdbcStsPreferences(this);
    private final JdbcAccessRecords accessRecords = new JdbcAccessRecords(this);
    private final JdbcSamlProviders samlProviders = new JdbcSamlProviders(this);

    public JdbcTx(Db db, Dialect dialect, SecretBox secretBox, Limits limits) {
        this.db = db;
        this.dialect = dialect;
        this.secretBox = secretBox;
        this.limits = limits;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public GroupStore groups() {
        return groups;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public AccessKeyStore accessKeys() {
        return accessKeys;
    }

    @Override
    public InlinePolicyStore inlinePolicies() {
        return inlinePolicies;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public ManagedPolicyStore managedPolicies() {
        return managedPolicies;
    }

    @Override
    public InstanceProfileStore instanceProfiles() {
        return instanceProfiles;
    }

    @Override
    public DeletionTaskStore deletionTasks() {
        return deletionTasks;
    }

    @Override
    public LoginProfileStore loginProfiles() {
        return loginProfiles;
    }

    @Override
    public PasswordPolicyStore passwordPolicies() {
        return passwordPolicies;
    }

    @Override
    public MfaDeviceStore mfaDevices() {
        return mfaDevices;
    }

    @Override
    public SshKeyStore sshKeys() {
        return sshKeys;
    }

    @Override
    public SigningCertificateStore signingCertificates() {
        return signingCertificates;
    }

    @Override
    public ServerCertificateStore serverCertificates() {
        return serverCertificates;
    }

    @Override
    public ServiceSpecificCredentialStore serviceSpecificCredentials() {
        return serviceSpecificCredentials;
    }

    @Override
    public CredentialReportStore credentialReports() {
        return credentialReports;
    }

    @Override
    public OutboundFederationStore outboundFederation() {
        return outboundFederation;
    }

    @Override
    public DelegationRequestStore delegationRequests() {
        return delegationRequests;
    }

    @Override
    public AccountPropertyStore accountProperties() {
        return accountProperties;
    }

    @Override
    public OidcProviderStore oidcProviders() {
        return oidcProviders;
    }

    @Override
    public StsPreferencesStore stsPreferences() {
        return stsPreferences;
    }

    @Override
    public AccessRecordStore accessRecords() {
        return accessRecords;
    }

    @Override
    public SamlProviderStore samlProviders() {
        return samlProviders;
    }

    /** The events of this transaction's writes, in write order, each once. */
    public Set<ChangeEvent> events() {
        return events;
    }

    /** Sends a PostgreSQL notification; PostgreSQL delivers it only if this transaction commits. */
    public void notify(String channel, String payload) {
        db.queryOne("SELECT pg_notify(?, ?)", rs -> "", channel, payload);
    }

    void changed(EntityKind kind, String accountId, String id) {
        events.add(new ChangeEvent(kind, accountId, id));
    }

    /**
     * Locks the account row: creates that count against an account quota serialise on it, so two racing creates
     * cannot both pass the count.
     */
    void lockAccount(String accountId) {
        db.queryOne("SELECT id FROM accounts WHERE id = ?" + dialect.forUpdate(), rs -> rs.getString(1), accountId)
                .orElseThrow(() -> IamException.noSuchEntity("The account with id " + accountId
                        + " cannot be found."));
    }

    /** Opens a value sealed in a row; a wrong master key or a tampered row is our failure, not the caller's. */
    byte[] openSealed(byte[] sealed, byte[] associatedData) {
        try {
            return secretBox.open(sealed, associatedData);
        } catch (io.sigil.iam.crypto.SecretBoxException e) {
            throw IamException.serviceFailure(e);
        }
    }

    /** Runs a write; a unique-index refusal becomes {@code onDuplicate}, a foreign-key refusal {@code onMissing}. */
    <T> T guarded(Supplier<T> write, Supplier<IamException> onDuplicate, Supplier<IamException> onForeignKey) {
        try {
            return write.get();
        } catch (DbException e) {
            if (onDuplicate != null && dialect.isUniqueViolation(e.sql())) {
                throw onDuplicate.get();
            }
            if (onForeignKey != null && dialect.isForeignKeyViolation(e.sql())) {
                throw onForeignKey.get();
            }
            throw e;
        }
    }

    /** The SQL condition for a PathPrefix filter, with its two parameters; empty for "/". */
    static String pathPrefixSql(String prefix) {
        return "/".equals(prefix) ? "" : " AND substr(path, 1, ?) = ?";
    }

    static Object[] pathPrefixArgs(String prefix) {
        return "/".equals(prefix) ? new Object[0] : new Object[] {prefix.length(), prefix};
    }

    static IamException concurrentModification() {
        return IamException.concurrentModification("The request was rejected because multiple requests to change "
                + "this object were submitted simultaneously. Wait a few minutes and submit your request again.");
    }
}
