package io.sigil.server.api.sts;

import io.sigil.iam.model.Tag;
import io.sigil.iam.sts.AuthorizationMessages;
import io.sigil.iam.sts.IssuedCredentials;
import io.sigil.iam.sts.StsService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.FederatedUser;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

import java.util.List;

/**
 * STS GetSessionToken, GetFederationToken, GetAccessKeyInfo and DecodeAuthorizationMessage (AWS STS API
 * Reference). Authorisation (sts:GetSessionToken and sts:GetAccessKeyInfo on {@code *}, sts:GetFederationToken on
 * the federated user) and the temporary-credential call rules run before these handlers.
 */
public final class StsTokensApi implements ApiModule {
    private final StsService sts;
    private final AuthorizationMessages messages;

    public StsTokensApi(StsService sts, AuthorizationMessages messages) {
        this.sts = sts;
        this.messages = messages;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetSessionTokenRequest.class, this::getSessionToken)
                .on(GetFederationTokenRequest.class, this::getFederationToken)
                .on(GetAccessKeyInfoRequest.class, this::getAccessKeyInfo)
                .on(DecodeAuthorizationMessageRequest.class, this::decodeAuthorizationMessage);
    }

    private GetSessionTokenResponse getSessionToken(GetSessionTokenRequest r, CallContext call) {
        IssuedCredentials c = sts.getSessionToken(call.principal(), r.durationSeconds(), r.serialNumber(),
                r.tokenCode());
        return GetSessionTokenResponse.builder().credentials(credentials(c)).build();
    }

    private GetFederationTokenResponse getFederationToken(GetFederationTokenRequest r, CallContext call) {
        StsService.FederationToken t = sts.getFederationToken(call.principal(), r.name(), r.policy(),
                policyArns(r.policyArns()), r.durationSeconds(), tags(r.tags()));
        return GetFederationTokenResponse.builder()
                .credentials(credentials(t.credentials()))
                .federatedUser(FederatedUser.builder().arn(t.arn()).federatedUserId(t.federatedUserId()).build())
                .packedPolicySize(t.packedPolicySize())
                .build();
    }

    private GetAccessKeyInfoResponse getAccessKeyInfo(GetAccessKeyInfoRequest r, CallContext call) {
        return GetAccessKeyInfoResponse.builder().account(sts.accessKeyAccount(r.accessKeyId())).build();
    }

    private DecodeAuthorizationMessageResponse decodeAuthorizationMessage(DecodeAuthorizationMessageRequest r,
                                                                          CallContext call) {
        return DecodeAuthorizationMessageResponse.builder()
                .decodedMessage(messages.decode(call.accountId(), r.encodedMessage()))
                .build();
    }

    /** The Credentials member of every STS answer that issues credentials. */
    static Credentials credentials(IssuedCredentials c) {
        return Credentials.builder()
                .accessKeyId(c.accessKeyId())
                .secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken())
                .expiration(c.expiration())
                .build();
    }

    /** PolicyArns.member.N.arn: an absent list is empty; a descriptor without an ARN is skipped. */
    static List<String> policyArns(List<PolicyDescriptorType> descriptors) {
        return descriptors == null ? List.of()
                : descriptors.stream().map(PolicyDescriptorType::arn).filter(a -> a != null).toList();
    }

    static List<Tag> tags(List<software.amazon.awssdk.services.sts.model.Tag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
    }
}
