package io.sigil.server.api.iam;

import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.service.PasswordPolicyService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyResponse;

/**
 * UpdateAccountPasswordPolicy, GetAccountPasswordPolicy and DeleteAccountPasswordPolicy on the wire. A member the
 * update leaves out takes its default ("This operation does not support partial updates"). GetAccountPasswordPolicy
 * leaves out MaxPasswordAge and PasswordReusePrevention when they are off and HardExpiry when it was not given, as
 * AWS's answer to a default policy does (LocalStack's AWS-validated snapshot of
 * test_update_account_password_policy_defaults).
 */
public final class PasswordPolicyApi implements ApiModule {

    private final PasswordPolicyService policies;

    public PasswordPolicyApi(PasswordPolicyService policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UpdateAccountPasswordPolicyRequest.class, this::update)
                .on(GetAccountPasswordPolicyRequest.class, this::get)
                .on(DeleteAccountPasswordPolicyRequest.class, this::delete);
    }

    UpdateAccountPasswordPolicyResponse update(UpdateAccountPasswordPolicyRequest r, CallContext call) {
        PasswordPolicy d = PasswordPolicy.DEFAULTS;
        policies.update(call.accountId(), new PasswordPolicy(
                or(r.minimumPasswordLength(), d.minimumPasswordLength()),
                or(r.requireSymbols(), false), or(r.requireNumbers(), false),
                or(r.requireUppercaseCharacters(), false), or(r.requireLowercaseCharacters(), false),
                or(r.allowUsersToChangePassword(), false),
                or(r.maxPasswordAge(), 0), or(r.passwordReusePrevention(), 0), r.hardExpiry()));
        return UpdateAccountPasswordPolicyResponse.builder().build();
    }

    GetAccountPasswordPolicyResponse get(GetAccountPasswordPolicyRequest r, CallContext call) {
        PasswordPolicy p = policies.get(call.accountId());
        var b = software.amazon.awssdk.services.iam.model.PasswordPolicy.builder()
                .minimumPasswordLength(p.minimumPasswordLength())
                .requireSymbols(p.requireSymbols())
                .requireNumbers(p.requireNumbers())
                .requireUppercaseCharacters(p.requireUppercaseCharacters())
                .requireLowercaseCharacters(p.requireLowercaseCharacters())
                .allowUsersToChangePassword(p.allowUsersToChangePassword())
                .expirePasswords(p.expirePasswords())
                .hardExpiry(p.hardExpiry());
        if (p.maxPasswordAge() > 0) {
            b.maxPasswordAge(p.maxPasswordAge());
        }
        if (p.passwordReusePrevention() > 0) {
            b.passwordReusePrevention(p.passwordReusePrevention());
        }
        return GetAccountPasswordPolicyResponse.builder().passwordPolicy(b.build()).build();
    }

    DeleteAccountPasswordPolicyResponse delete(DeleteAccountPasswordPolicyRequest r, CallContext call) {
        policies.delete(call.accountId());
        return DeleteAccountPasswordPolicyResponse.builder().build();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
