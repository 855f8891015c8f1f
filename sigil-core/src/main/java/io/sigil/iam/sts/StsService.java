package io.sigil.iam.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.TagRules;
import io.sigil.iam.store.Store;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The STS operations that issue tokens to IAM users and root users, and the key-id lookup (AWS STS API Reference:
 * GetSessionToken, GetFederationToken, GetAccessKeyInfo). Authorisation happens before these run; what is checked
 * here is what AWS checks beyond policies: who may call, durations, MFA, session policies and their packed size.
 */
public final class StsService {
    /** Managed session policies per session (API Reference, PolicyArns: "up to 10 managed policy ARNs"). */
    public static final int MAX_POLICY_ARNS = 10;

    private final Store store;
    private final SessionTokens tokens;
    private final Clock clock;
    private final MfaVerifier mfa;

    public StsService(Store store, SessionTokens tokens, Clock clock, MfaVerifier mfa) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.mfa = mfa;
    }

    /** A federation token and who it names. */
    public record FederationToken(IssuedCredentials credentials, String arn, String federatedUserId,
                                  int packedPolicySize) {}

    /**
     * GetSessionToken: temporary credentials for the caller itself, 900..129,600 seconds (default 43,200), cut to
     * one hour for the root user; with SerialNumber and TokenCode, MFA-authenticated.
     */
    public IssuedCredentials getSessionToken(Principal caller, Integer durationSeconds, String serialNumber,
                                             String tokenCode) {
        TemporaryCredentialRules.requireLongTerm(caller, "GetSessionToken");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant mfaAt = null;
        if (serialNumber != null || tokenCode != null) {
            mfaAt = mfa.verify(caller, serialNumber, tokenCode, now).truncatedTo(ChronoUnit.SECONDS);
        }
        int duration = SessionDurations.userToken(durationSeconds, caller.isRoot());
        Session s = new Session(SessionKind.SESSION_TOKEN, caller.accountId(),
                AccessKeyIds.temporary(caller.accountId()), caller.arn(), caller.userId(), null, now,
                now.plusSeconds(duration), mfaAt, null, List.of(), List.of(), List.of(), null, false);
        return tokens.issue(s);
    }

    /**
     * GetFederationToken: a federated user {@code arn:aws:sts::ACCOUNT:federated-user/NAME} whose permissions are the
     * caller's intersected with the session policies passed; durations as GetSessionToken.
     *
     * @throws IamException MalformedPolicyDocument, ValidationError (more than 10 policy ARNs), PackedPolicyTooLarge
     */
    public FederationToken getFederationToken(Principal caller, String name, String policy, List<String> policyArns,
                                              Integer durationSeconds, List<Tag> tags) {
        TemporaryCredentialRules.requireLongTerm(caller, "GetFederationToken");
        List<String> arns = policyArns == null ? List.of() : List.copyOf(policyArns);
        List<Tag> sessionTags = tags == null ? List.of() : List.copyOf(tags);
        TagRules.requireNoReservedPrefixInSession(sessionTags);
        validateSessionPolicies(policy, arns);
        int packed = PackedPolicySize.check(policy, arns, sessionTags);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int duration = SessionDurations.userToken(durationSeconds, caller.isRoot());
        Session s = new Session(SessionKind.FEDERATED_USER, caller.accountId(),
                AccessKeyIds.temporary(caller.accountId()), caller.arn(), caller.userId(), name, now,
                now.plusSeconds(duration), null, policy, arns, sessionTags, List.of(), null, false);
        return new FederationToken(tokens.issue(s), s.arn(), s.userId(), packed);
    }

    /**
     * GetAccessKeyInfo: the account of any access key id, "including keys in other accounts". A key Sigil stored
     * answers with its account; any other id is read as AWS lays key ids out ({@link AccessKeyIds}).
     */
    public String accessKeyAccount(String accessKeyId) {
        Optional<String> stored = store.read(tx -> tx.accessKeys().find(accessKeyId).map(AccessKey::accountId));
        return stored.or(() -> AccessKeyIds.accountOf(accessKeyId)).orElseThrow(() -> IamException.validationError(
                "1 validation error detected: Value '" + accessKeyId + "' at 'accessKeyId' failed to satisfy "
                        + "constraint: Member must be a valid access key id"));
    }

    /** Session policies as AWS checks them: the inline one as a policy document, at most ten ARNs. */
    static void validateSessionPolicies(String policy, List<String> arns) {
        if (policy != null) {
            ValidationReport report = PolicyValidator.validateInline(policy, PolicyType.SESSION);
            if (report.hasErrors()) {
                throw IamException.malformedPolicyDocument(report.firstErrorMessage());
            }
        }
        if (arns.size() > MAX_POLICY_ARNS) {
            throw IamException.validationError("1 validation error detected: Value '" + arns + "' at 'policyArns'"
                    + " failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_POLICY_ARNS);
        }
    }
}
