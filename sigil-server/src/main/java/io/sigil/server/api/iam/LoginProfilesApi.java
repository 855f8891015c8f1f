package io.sigil.server.api.iam;

import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.service.LoginProfileService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.ChangePasswordRequest;
import software.amazon.awssdk.services.iam.model.ChangePasswordResponse;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileResponse;

/**
 * CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile and ChangePassword on the wire (IAM
 * API Reference, those actions; the rules are {@link LoginProfileService}'s). A LoginProfile always carries
 * {@code PasswordResetRequired}, false included, as AWS answers it.
 */
public final class LoginProfilesApi implements ApiModule {

    private final LoginProfileService profiles;

    public LoginProfilesApi(LoginProfileService profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateLoginProfileRequest.class, this::create)
                .on(GetLoginProfileRequest.class, this::get)
                .on(UpdateLoginProfileRequest.class, this::update)
                .on(DeleteLoginProfileRequest.class, this::delete)
                .on(ChangePasswordRequest.class, this::change);
    }

    CreateLoginProfileResponse create(CreateLoginProfileRequest request, CallContext call) {
        LoginProfile p = profiles.create(call.principal(), request.userName(), request.password(),
                Boolean.TRUE.equals(request.passwordResetRequired()));
        return CreateLoginProfileResponse.builder().loginProfile(wire(p)).build();
    }

    GetLoginProfileResponse get(GetLoginProfileRequest request, CallContext call) {
        return GetLoginProfileResponse.builder().loginProfile(wire(profiles.get(call.principal(), request.userName())))
                .build();
    }

    UpdateLoginProfileResponse update(UpdateLoginProfileRequest request, CallContext call) {
        profiles.update(call.accountId(), request.userName(), request.password(), request.passwordResetRequired());
        return UpdateLoginProfileResponse.builder().build();
    }

    DeleteLoginProfileResponse delete(DeleteLoginProfileRequest request, CallContext call) {
        profiles.delete(call.principal(), request.userName());
        return DeleteLoginProfileResponse.builder().build();
    }

    ChangePasswordResponse change(ChangePasswordRequest request, CallContext call) {
        profiles.changePassword(call.principal(), request.oldPassword(), request.newPassword());
        return ChangePasswordResponse.builder().build();
    }

    private static software.amazon.awssdk.services.iam.model.LoginProfile wire(LoginProfile p) {
        return software.amazon.awssdk.services.iam.model.LoginProfile.builder().userName(p.userName())
                .createDate(p.createDate()).passwordResetRequired(p.passwordResetRequired()).build();
    }
}
