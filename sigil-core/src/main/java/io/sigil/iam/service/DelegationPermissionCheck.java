package io.sigil.iam.service;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.policy.Effect;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.Statement;

import java.util.Map;
import java.util.Objects;

/**
 * GetDelegationRequest's permission check (IAM API Reference, "GetDelegationRequest": DelegationPermissionCheck,
 * PermissionCheckResult): whether the caller's own policies allow every action on every resource the request's
 * permission policy allows. "This is an approximate result": a statement Sigil cannot enumerate (wildcard actions,
 * NotAction, NotResource, conditions) makes the answer UNSURE unless something concrete is denied, which makes it
 * DENIED. Sigil's check runs synchronously, so its status is always COMPLETE.
 */
public final class DelegationPermissionCheck {

    /** PermissionCheckResult. */
    public enum Result { ALLOWED, DENIED, UNSURE }

    private final Authorizer authorizer;

    public DelegationPermissionCheck(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    public Result check(Principal caller, String permissionPolicy) {
        ParseResult parsed = permissionPolicy == null ? null : PolicyParser.parse(permissionPolicy);
        if (parsed == null || !parsed.ok()) {
            return Result.UNSURE;
        }
        boolean unsure = false;
        for (Statement s : parsed.policy().statements()) {
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            if (s.action() == null || s.action().negated() || s.resource() == null || s.resource().negated()
                    || !s.conditions().isEmpty()) {
                unsure = true;
                continue;
            }
            for (String action : s.action().values()) {
                if (action.contains("*") || action.contains("?")) {
                    unsure = true;
                    continue;
                }
                for (String resource : s.resource().values()) {
                    if (!authorizer.authorize(caller, action, resource, caller.accountId(), Map.of()).allowed()) {
                        return Result.DENIED;
                    }
                }
            }
        }
        return unsure ? Result.UNSURE : Result.ALLOWED;
    }
}
