package io.sigil.iam.service;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The IAM delegation request operations (IAM API Reference: CreateDelegationRequest, GetDelegationRequest,
 * ListDelegationRequests, AssociateDelegationRequest, UpdateDelegationRequest, AcceptDelegationRequest,
 * RejectDelegationRequest, SendDelegationToken; IAM User Guide, "Building your integration" › "Understanding the
 * Request Lifecycle").
 *
 * <p>Visibility follows GetDelegationRequest's rules: a request with no owner account is visible to every account; one
 * with an owner account only to that account; the requestor always sees its own. A request the caller may not see is
 * answered NoSuchEntity, as one that does not exist (so ids cannot be probed across accounts).
 *
 * <p>Policy templates: AWS maps PolicyTemplateArn to "pre-registered policy content for this partner" from its
 * partner onboarding, which Sigil cannot have. Sigil takes the ARN of a managed policy (AWS managed, or customer
 * managed in the requestor's account) as the template; its default version, with each {@code ${Name}} replaced by
 * the first value of the string parameter Name, is the request's PermissionPolicy.
 */
public final class DelegationService {
    /**
     * How long a request waits for its owner's decision, and how long a rejected one stays visible ("Rejected
     * requests expire after 7 days"). AWS publishes only the latter; Sigil uses it for both.
     */
    public static final Duration PENDING_LIFETIME = Duration.ofDays(7);
    /** Random bytes in the secret half of an exchange token. */
    static final int TOKEN_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<DelegationState> DECIDABLE = Set.of(DelegationState.ASSIGNED,
            DelegationState.PENDING_APPROVAL);

    private final Store store;
    private final Clock clock;

    public DelegationService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What CreateDelegationRequest answers. */
    public record Created(String delegationRequestId, String consoleDeepLink) {}

    /** CreateDelegationRequest's members, as decoded. */
    public record NewRequest(String ownerAccountId, String description, DelegationPermissions permissions,
                             String requestMessage, String requestorWorkflowId, String redirectUrl,
                             String notificationChannel, int sessionDuration, boolean onlySendByOwner) {}

    /**
     * @throws IamException EntityAlreadyExists (workflow id already used by the requestor), InvalidInput (no
     *     template, or one that names no managed policy)
     */
    public Created create(Principal caller, NewRequest n) {
        String template = n.permissions().policyTemplateArn();
        if (template == null) {
            throw IamException.invalidInput("Permissions must contain a PolicyTemplateArn.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = "dr-" + java.util.UUID.randomUUID();
        DelegationRequest created = store.inTransaction(tx -> {
            PolicyVersion v = PolicyLookup.defaultVersion(tx, caller.accountId(), template).orElseThrow(() ->
                    IamException.invalidInput("The policy template " + template + " does not exist."));
            DelegationRequest r = new DelegationRequest(id, caller.accountId(), n.requestorWorkflowId(),
                    n.ownerAccountId(), null, n.description(), n.requestMessage(), n.permissions(),
                    fill(v.document(), n.permissions()), n.redirectUrl(), n.notificationChannel(),
                    n.sessionDuration(), n.onlySendByOwner(), DelegationState.UNASSIGNED, now, now,
                    now.plus(PENDING_LIFETIME), null, null, null, null, null, null, null, null, 0);
            return tx.delegationRequests().create(r);
        });
        return new Created(created.id(), "https://console.aws.amazon.com/iam/home#/delegation-requests/"
                + created.id());
    }

    /** The template's text with {@code ${Name}} replaced by the first value of each string parameter. */
    static String fill(String document, DelegationPermissions p) {
        String out = document;
        for (DelegationPermissions.Parameter param : p.parameters()) {
            if (!param.values().isEmpty() && !"stringList".equals(param.type())) {
                out = out.replace("${" + param.name() + "}", param.values().get(0));
            }
        }
        return out;
    }

    /** GetDelegationRequest: the request as of now (an overdue one reads EXPIRED). */
    public DelegationRequest get(Principal caller, String id) {
        return store.read(tx -> tx.delegationRequests().find(id)).filter(r -> visible(caller, r))
                .map(this::current).orElseThrow(() -> noSuch(id));
    }

    /**
     * GetHumanReadableSummary for {@code arn:aws:iam::ACCOUNT:delegation-request/ID} ("At this time, the only
     * supported entity type is delegation-request"), visible as GetDelegationRequest is. AWS writes the summary with
     * a large language model ("This method uses a Large Language Model (LLM) to generate the summary"), which Sigil
     * does not have: the answer is the state AWS reports when no summary can be made, NOT_AVAILABLE, with no content.
     *
     * @return the SummaryState
     * @throws IamException InvalidInput for an ARN of another entity type; NoSuchEntity for an unknown or hidden request
     */
    public String summaryState(Principal caller, String entityArn) {
        int at = entityArn.indexOf(":delegation-request/");
        if (!entityArn.startsWith("arn:") || at < 0) {
            throw IamException.invalidInput("EntityArn " + entityArn + " is not the ARN of a delegation request.");
        }
        get(caller, entityArn.substring(at + ":delegation-request/".length()));
        return "NOT_AVAILABLE";
    }

    /** ListDelegationRequests: the owned requests of the caller's account, optionally of one owner. */
    public Page<DelegationRequest> list(Principal caller, String ownerId, PageRequest page) {
        return store.read(tx -> tx.delegationRequests().listOwned(caller.accountId(), ownerId, page))
                .map(this::current);
    }

    /**
     * AssociateDelegationRequest: the caller becomes the owner (its ARN the OwnerId, its account the owner
     * account). Only an unassigned request can be associated, and only from its owner account when it has one.
     */
    public void associate(Principal caller, String id) {
        transition(caller, id, r -> {
            requireState(r, Set.of(DelegationState.UNASSIGNED), "associated");
            return r.toBuilder().owner(caller.accountId(), caller.arn())
                    .state(DelegationState.ASSIGNED, now()).build();
        });
    }

    /** UpdateDelegationRequest: adds notes and forwards the request for approval (PENDING_APPROVAL). */
    public void update(Principal caller, String id, String notes) {
        transition(caller, id, r -> {
            requireOwned(r, caller);
            requireState(r, DECIDABLE, "updated");
            return r.toBuilder().notes(notes).state(DelegationState.PENDING_APPROVAL, now()).build();
        });
    }

    /**
     * AcceptDelegationRequest: "IAM records the details and the state of the identity that called this API. This is
     * the identity that gets mapped to the delegated credential."
     */
    public void accept(Principal caller, String id) {
        transition(caller, id, r -> {
            requireOwned(r, caller);
            requireState(r, DECIDABLE, "accepted");
            String session = caller.sessionKind() == SessionKind.ASSUMED_ROLE ? caller.session().name() : null;
            String sourceId = caller.sessionKind() == SessionKind.ASSUMED_ROLE ? caller.session().sourceId()
                    : caller.userId();
            return r.toBuilder().approver(caller.arn(), caller.principalArn(), sourceId, session)
                    .state(DelegationState.ACCEPTED, now()).build();
        });
    }

    /** RejectDelegationRequest: possible until the token is sent; the rejected request expires 7 days later. */
    public void reject(Principal caller, String id, String notes) {
        transition(caller, id, r -> {
            requireOwned(r, caller);
            requireState(r, Set.of(DelegationState.ASSIGNED, DelegationState.PENDING_APPROVAL,
                    DelegationState.ACCEPTED), "rejected");
            Instant now = now();
            return r.toBuilder().rejectionReason(notes).state(DelegationState.REJECTED, now)
                    .expiresAt(now.plus(PENDING_LIFETIME)).build();
        });
    }

    /**
     * SendDelegationToken: releases the exchange token to the partner's notification channel; the request is
     * FINALIZED and the delegation period (SessionDuration) starts.
     *
     * @throws IamException AccessDenied when OnlySendByOwner is set and the caller is not the owner
     */
    public void sendToken(Principal caller, String id) {
        transition(caller, id, r -> {
            requireOwned(r, caller);
            requireState(r, Set.of(DelegationState.ACCEPTED), "sent");
            if (r.onlySendByOwner() && !caller.arn().equals(r.ownerId())) {
                throw IamException.accessDenied("Only the owner of delegation request " + id
                        + " can send its delegation token.");
            }
            byte[] secret = new byte[TOKEN_SECRET_BYTES];
            RANDOM.nextBytes(secret);
            Instant now = now();
            return r.toBuilder().released(secret, now).state(DelegationState.FINALIZED, now)
                    .expiresAt(now.plusSeconds(r.sessionDuration())).build();
        });
    }

    private void transition(Principal caller, String id, UnaryOperator<DelegationRequest> change) {
        store.write(tx -> {
            DelegationRequest r = tx.delegationRequests().find(id).filter(x -> visible(caller, x))
                    .orElseThrow(() -> noSuch(id));
            tx.delegationRequests().update(change.apply(current(r)));
        });
    }

    /** An overdue request is EXPIRED whatever its stored state (so no transition applies to it). */
    private DelegationRequest current(DelegationRequest r) {
        DelegationState s = r.stateAt(clock.instant());
        return s == r.state() ? r : r.toBuilder().state(s, r.updatedTime()).build();
    }

    private static boolean visible(Principal caller, DelegationRequest r) {
        return r.ownerAccountId() == null || r.ownerAccountId().equals(caller.accountId())
                || r.requestorAccountId().equals(caller.accountId());
    }

    /** Decisions are the owner account's: the requestor sees its request but cannot decide it. */
    private static void requireOwned(DelegationRequest r, Principal caller) {
        if (!caller.accountId().equals(r.ownerAccountId()) || r.ownerId() == null) {
            throw IamException.invalidInput("Delegation request " + r.id() + " must be associated with an identity"
                    + " of your account first.");
        }
    }

    private static void requireState(DelegationRequest r, Set<DelegationState> allowed, String verb) {
        if (!allowed.contains(r.state())) {
            throw IamException.invalidInput("Delegation request " + r.id() + " is in state " + r.state()
                    + " and cannot be " + verb + ".");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static IamException noSuch(String id) {
        return IamException.noSuchEntity("The delegation request with id " + id + " cannot be found.");
    }
}
