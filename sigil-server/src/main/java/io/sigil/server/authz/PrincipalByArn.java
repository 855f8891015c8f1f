package io.sigil.server.authz;

import io.sigil.iam.Arns;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.policy.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A principal named by ARN rather than by a signed request: an account root ({@code arn:aws:iam::ACCT:root}), an
 * IAM user (its ARN with its path), or a role session ({@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}). A
 * session named by ARN has its role's policies and nothing a token would add (session policies, session tags, MFA,
 * source identity): a service that has the signed request should forward it instead. A role ARN itself, a federated
 * user or an unknown principal is refused: roles act only through sessions, and a federated user's permissions are
 * in its token.
 */
final class PrincipalByArn {
    /**
     * The key id a session named by ARN carries. The Authorizer caches session policy sets by key id; the prefix
     * cannot collide with a real (AKIA/ASIA) key id.
     */
    static final String ARN_SESSION_KEY_PREFIX = "ARN:";

    private PrincipalByArn() {}

    static Principal resolve(Store store, String arn, Instant now) {
        Caller c = Caller.parse(arn);
        if (c.account() == null || !c.partition().equals(Arns.PARTITION)) {
            throw unknown(arn);
        }
        switch (c.kind()) {
            case ROOT:
                if (store.read(tx -> tx.accounts().find(c.account())).isEmpty()) {
                    throw unknown(arn);
                }
                return Principal.root(c.account(), null);
            case USER: {
                User u = store.read(tx -> tx.users().find(c.account(), c.name())).orElse(null);
                if (u == null || !u.arn().equals(arn)) {
                    throw unknown(arn);
                }
                return Principal.user(u, null);
            }
            case ASSUMED_ROLE: {
                Role r = store.read(tx -> tx.roles().find(c.account(), c.name())).orElse(null);
                if (r == null) {
                    throw unknown(arn);
                }
                Session s = new Session(SessionKind.ASSUMED_ROLE, c.account(), ARN_SESSION_KEY_PREFIX + arn, r.arn(),
                        r.id(), c.session(), now, now.plus(Duration.ofHours(1)), null, null, List.of(), List.of(),
                        List.of(), null, false);
                return Principal.session(s, null);
            }
            case ROLE:
                throw AuthorizeRequests.invalid("principalArn", "names a role; a role acts through its sessions: give"
                        + " the session's ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) or forward the request");
            default:
                throw AuthorizeRequests.invalid("principalArn", "must name an account root, an IAM user or a role"
                        + " session; forward the signed request for other principals");
        }
    }

    private static RuntimeException unknown(String arn) {
        return AuthorizeRequests.invalid("principalArn", "names no principal Sigil knows: " + arn);
    }
}
