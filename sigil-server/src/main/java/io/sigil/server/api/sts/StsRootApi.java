package io.sigil.server.api.sts;

import io.sigil.iam.sts.AssumeRootService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.RequestKeys;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * STS AssumeRoot (AWS STS API Reference, "AssumeRoot"). The enforcement table lists it as authorised by its service:
 * the caller's sts:AssumeRoot permission is evaluated there, and the organization's delegation, which Sigil does not
 * have yet, decides the rest (see {@link AssumeRootService}).
 */
public final class StsRootApi implements ApiModule {
    private final AssumeRootService root;

    public StsRootApi(AssumeRootService root) {
        this.root = root;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AssumeRootRequest.class, this::assumeRoot);
    }

    private AssumeRootResponse assumeRoot(AssumeRootRequest r, CallContext call) {
        PolicyDescriptorType task = r.taskPolicyArn();
        return AssumeRootResponse.builder()
                .credentials(StsTokensApi.credentials(root.assumeRoot(call.principal(), r.targetPrincipal(),
                        task == null ? null : task.arn(), "aws-global".equals(call.region()), RequestKeys.of(call),
                        call.callerPolicies())))
                .build();
    }
}
