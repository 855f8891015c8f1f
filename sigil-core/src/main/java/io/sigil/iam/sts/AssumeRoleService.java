package io.sigil.iam.sts;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.TagRules;
import io.sigil.iam.service.TrustPolicies;
import io.sigil.iam.store.Store;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicyType;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AssumeRole (AWS STS API Reference, "AssumeRole"; IAM User Guide, "Policy evaluation logic", "Passing session tags
 * in AWS STS", "Monitor and control actions taken with assumed roles"; spec §5.8, §10 F42–F45, F64).
 *
 * <p>The role's trust policy is the resource-based policy of {@code sts:AssumeRole} and is evaluated by the engine
 * together with the caller's identity policies, with AWS's same-account and cross-account rules. Session tags need
 * {@code sts:TagSession}, a source identity {@code sts:SetSourceIdentity}, both also against the trust policy. Every
 * refusal of authorisation is AccessDenied "User: CALLER is not authorized to perform: ACTION on resource: ROLE",
 * also for a role that does not exist (AWS does not reveal which roles exist).
 */
public final class AssumeRoleService {
    /** AWS's text for root credentials: "You cannot use AWS account root user credentials to call AssumeRole". */
    static final String ROOT_REFUSED = "Roles may not be assumed by root accounts.";
    static final String OVER_MAX = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    static final String OVER_CHAIN = "The requested DurationSeconds exceeds the 1 hour session limit for roles "
            + "assumed by role chaining.";

    private final Store store;
    private final Authorizer authorizer;
    private final SessionTokens tokens;
    private final Clock clock;
    private final MfaVerifier mfa;

    public AssumeRoleService(Store store, Authorizer authorizer, SessionTokens tokens, Clock clock, MfaVerifier mfa) {
        this.store = store;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.clock = clock;
        this.mfa = mfa;
    }

    /** What the caller asked for (the AssumeRole request members). */
    public record Request(String roleArn, String roleSessionName, Integer durationSeconds, String policy,
                          List<String> policyArns, List<Tag> tags, List<String> transitiveTagKeys, String externalId,
                          String serialNumber, String tokenCode, String sourceIdentity) {
        public Request {
            policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
            tags = tags == null ? List.of() : List.copyOf(tags);
            transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
        }
    }

    /** The new session: credentials, AssumedRoleUser, PackedPolicySize (null when nothing was packed). */
    public record Result(IssuedCredentials credentials, String arn, String assumedRoleId, Integer packedPolicySize,
                         String sourceIdentity) {}

    /**
     * @param requestKeys the global keys of the call (time, source IP, the caller's principal keys)
     */
    public Result assumeRole(Principal caller, Request r, Map<String, ContextValue> requestKeys) {
        return assumeRole(caller, r, requestKeys, CallerPolicyGate.ENFORCE);
    }

    /**
     * @param requestKeys the global keys of the call (time, source IP, the caller's principal keys)
     * @param gate        what a refusal by the caller's own policies does (the enforcement mode); a refusal by the
     *                    trust policy always stands
     */
    public Result assumeRole(Principal caller, Request r, Map<String, ContextValue> requestKeys,
                             CallerPolicyGate gate) {
        if (caller.isRoot()) {
            throw IamException.accessDenied(ROOT_REFUSED);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant mfaAt = r.serialNumber() != null || r.tokenCode() != null
                ? mfa.verify(caller, r.serialNumber(), r.tokenCode(), now).truncatedTo(ChronoUnit.SECONDS) : null;
        Optional<Role> found = findRole(r.roleArn());
        Map<String, ContextValue> keys = keys(caller, r, requestKeys, mfaAt, now, found.orElse(null));
        Role role = found.orElseThrow(() -> denied(caller, "sts:AssumeRole", r.roleArn()));
        CompiledPolicy trust = trustPolicy(role);
        authorize(caller, "sts:AssumeRole", role, keys, trust, gate);
        Session source = caller.session();
        TagRules.requireNoReservedPrefixInSession(r.tags());
        requireNoInheritedKeyPassed(source, r.tags());
        // Transitive tags a chained session carries are passed on, so they are session tags of the new session too:
        // the target role's trust policy must allow sts:TagSession for them (AWS answers "... is not authorized to
        // perform: sts:TagSession on resource: ..." to such a chain, as quoted in mattrobinsonsre/terrapod#1546).
        boolean inheritsTags = source != null && !source.transitiveTagKeys().isEmpty();
        if (!r.tags().isEmpty() || !r.transitiveTagKeys().isEmpty() || inheritsTags) {
            authorize(caller, "sts:TagSession", role, keys, trust, gate);
        }
        // "The value that is set cannot be changed during the role session", and "persists when a role is used to
        // assume another role" (IAM User Guide, "Monitor and control actions taken with assumed roles").
        if (source != null && source.sourceIdentity() != null && r.sourceIdentity() != null
                && !source.sourceIdentity().equals(r.sourceIdentity())) {
            throw IamException.validationError("The source identity of a role session cannot be changed: this "
                    + "session's source identity is " + source.sourceIdentity() + ".");
        }
        String sourceIdentity = r.sourceIdentity() != null ? r.sourceIdentity()
                : source == null ? null : source.sourceIdentity();
        if (r.sourceIdentity() != null) {
            authorize(caller, "sts:SetSourceIdentity", role, keys, trust, gate);
        }
        boolean chained = source != null && source.kind() == SessionKind.ASSUMED_ROLE;
        // GetSessionToken's credentials are held to the same hour: "The temporary credentials use the AWS STS
        // GetSessionToken API and are limited to 1 hour" (AWS Knowledge Center, "iam-role-chaining-limit"; AWS
        // answers them with the role chaining message, as quoted in mmmorris1975/aws-runas#11).
        int duration = duration(r.durationSeconds(), role, source != null);
        StsService.validateSessionPolicies(r.policy(), r.policyArns());
        List<Tag> tags = inheritedTags(source, r.tags());
        List<String> transitive = inheritedTransitiveKeys(source, r.transitiveTagKeys());
        boolean packs = r.policy() != null || !r.policyArns().isEmpty() || !tags.isEmpty();
        int packed = PackedPolicySize.check(r.policy(), r.policyArns(), tags);
        Session s = new Session(SessionKind.ASSUMED_ROLE, role.accountId(), AccessKeyIds.temporary(role.accountId()),
                role.arn(), role.id(), r.roleSessionName(), now, now.plusSeconds(duration), mfaAt, r.policy(),
                r.policyArns(), SessionTags.withRoleTags(role.tags(), tags), transitive, sourceIdentity, chained);
        Result result = new Result(tokens.issue(s), s.arn(), s.userId(), packs ? packed : null, sourceIdentity);
        recordUse(role, now, requestKeys.get("aws:RequestedRegion"));
        return result;
    }

    /** GetRole's RoleLastUsed: when and in which region the role was last assumed (API Reference, RoleLastUsed). */
    private void recordUse(Role role, Instant now, ContextValue region) {
        String r = region == null || region.values().isEmpty() ? "us-east-1" : region.values().get(0);
        store.write(tx -> tx.roles().recordUse(role.id(), now, r));
    }

    /** {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}: the role of that account, name and path, if any. */
    private Optional<Role> findRole(String arn) {
        String[] p = arn.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("iam") || !p[5].startsWith("role/")) {
            return Optional.empty();
        }
        String account = p[4];
        String name = p[5].substring(p[5].lastIndexOf('/') + 1);
        // The trust policy as IAM evaluates it: principals it names by ARN that were deleted (and perhaps
        // re-created) since it was saved are shown, and matched, by their old unique id (spec §10 F62).
        return store.read(tx -> tx.roles().find(account, name)
                        .map(r -> r.withTrustPolicy(TrustPolicies.render(tx, r))))
                .filter(role -> role.arn().equals(arn));
    }

    private static CompiledPolicy trustPolicy(Role role) {
        ParseResult parsed = PolicyParser.parse(role.assumeRolePolicyDocument());
        String name = "role/" + role.name() + " trust policy";
        return parsed.ok() ? CompiledPolicy.compile(parsed.policy(), name, PolicyType.RESOURCE)
                : CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[]}", name, PolicyType.RESOURCE);
    }

    /**
     * The trust policy must let the caller become the role whatever the enforcement mode; the caller's own
     * policies are then subject to the gate (see {@link CallerPolicyGate}).
     */
    private void authorize(Principal caller, String action, Role role, Map<String, ContextValue> keys,
                           CompiledPolicy trust, CallerPolicyGate gate) {
        Decision d = authorizer.authorize(caller, action, role.arn(), role.accountId(), keys, trust);
        if (d.allowed()) {
            return;
        }
        if (!authorizer.authorizeTrust(caller, action, role.arn(), role.accountId(), keys, trust).allowed()) {
            throw denied(caller, action, role.arn());
        }
        gate.refused(denied(caller, action, role.arn()), d);
    }

    private static IamException denied(Principal caller, String action, String roleArn) {
        return IamException.accessDenied(caller.describe() + " is not authorized to perform: " + action
                + " on resource: " + roleArn);
    }

    /** The request's keys (IAM User Guide, "Available keys for AWS STS"), over the call's global keys. */
    private static Map<String, ContextValue> keys(Principal caller, Request r, Map<String, ContextValue> global,
                                                  Instant mfaAt, Instant now, Role role) {
        Map<String, ContextValue> k = new HashMap<>(global);
        k.put("sts:RoleSessionName", ContextValue.of(r.roleSessionName()));
        if (r.externalId() != null) {
            k.put("sts:ExternalId", ContextValue.of(r.externalId()));
        }
        if (r.sourceIdentity() != null) {
            k.put("sts:SourceIdentity", ContextValue.of(r.sourceIdentity()));
        }
        if (r.durationSeconds() != null) {
            k.put("sts:DurationSeconds", ContextValue.of(Integer.toString(r.durationSeconds())));
        }
        if (mfaAt != null) {
            k.put("aws:MultiFactorAuthPresent", ContextValue.of("true"));
            k.put("aws:MultiFactorAuthAge", ContextValue.of(Long.toString(now.getEpochSecond() - mfaAt.getEpochSecond())));
        }
        SessionTags.putPassed(k, r.tags(), r.transitiveTagKeys());
        SessionTags.putRole(k, role);
        return k;
    }

    /** 900 to the role's MaxSessionDuration (default 3,600); at most 3,600 from temporary credentials. */
    private static int duration(Integer requested, Role role, boolean chained) {
        int d = requested == null ? SessionDurations.DEFAULT_ROLE : requested;
        if (chained && d > SessionDurations.MAX_CHAINED_ROLE) {
            throw IamException.validationError(OVER_CHAIN);
        }
        if (d > role.maxSessionDuration()) {
            throw IamException.validationError(OVER_MAX);
        }
        return d;
    }

    /** Transitive tags of the calling session pass on; tags passed now are added (IAM User Guide, "Chaining roles"). */
    private static List<Tag> inheritedTags(Session source, List<Tag> passed) {
        Map<String, Tag> out = new LinkedHashMap<>();
        if (source != null) {
            for (Tag t : source.tags()) {
                if (containsIgnoreCase(source.transitiveTagKeys(), t.key())) {
                    out.put(t.key().toLowerCase(Locale.ROOT), t);
                }
            }
        }
        for (Tag t : passed) {
            out.putIfAbsent(t.key().toLowerCase(Locale.ROOT), t);
        }
        return List.copyOf(out.values());
    }

    /**
     * "If you pass a session tag with the same key as an inherited tag, the operation fails" (AWS STS API
     * Reference, AssumeRole, Tags; IAM User Guide, "Chaining roles with session tags"); keys compare without case.
     * AWS's error text is not on record; STS answers input it refuses with ValidationError.
     */
    private static void requireNoInheritedKeyPassed(Session source, List<Tag> passed) {
        if (source == null) {
            return;
        }
        for (Tag t : passed) {
            if (containsIgnoreCase(source.transitiveTagKeys(), t.key())) {
                throw IamException.validationError("A session tag cannot have the key of a tag the session "
                        + "inherits as transitive: " + t.key());
            }
        }
    }

    private static List<String> inheritedTransitiveKeys(Session source, List<String> passed) {
        List<String> out = new ArrayList<>(passed);
        if (source != null) {
            for (String k : source.transitiveTagKeys()) {
                if (!containsIgnoreCase(out, k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private static boolean containsIgnoreCase(List<String> list, String key) {
        for (String s : list) {
            if (s.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }
}
