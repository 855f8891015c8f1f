package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.service.AccessKeyService;
import io.sigil.iam.service.LastUsedRecorder;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey and GetAccessKeyLastUsed on the wire (IAM API
 * Reference, those actions; the rules are {@link AccessKeyService}'s).
 *
 * <p>Keys of the account root carry no {@code UserName}: the root user is not an IAM user, and the model makes the
 * member optional in every answer but CreateAccessKey's, where the SDKs read its absence as null.
 */
public final class AccessKeysApi implements ApiModule {

    private final AccessKeyService keys;

    public AccessKeysApi(AccessKeyService keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateAccessKeyRequest.class, this::create)
                .on(ListAccessKeysRequest.class, this::list)
                .on(UpdateAccessKeyRequest.class, this::update)
                .on(DeleteAccessKeyRequest.class, this::delete)
                .on(GetAccessKeyLastUsedRequest.class, this::lastUsed);
    }

    CreateAccessKeyResponse create(CreateAccessKeyRequest request, CallContext call) {
        AccessKeySecret created = keys.create(call.principal(), request.userName());
        AccessKey key = created.key();
        return CreateAccessKeyResponse.builder()
                .accessKey(k -> k.userName(key.userName())
                        .accessKeyId(key.id())
                        .status(status(key.status()))
                        .secretAccessKey(created.secretAccessKey())
                        .createDate(key.createDate()))
                .build();
    }

    ListAccessKeysResponse list(ListAccessKeysRequest request, CallContext call) {
        Page<AccessKey> page = keys.list(call.principal(), request.userName(),
                Paging.of(request.marker(), request.maxItems()));
        return ListAccessKeysResponse.builder()
                .accessKeyMetadata(page.items().stream().map(AccessKeysApi::metadata).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    /**
     * The protocol layer has refused a Status outside the model's enum, which today is {@code Active | Inactive |
     * Expired}; {@code Expired} is a state IAM gives a key, not one a caller can set ("Active means that the key
     * can be used for programmatic calls to AWS, while Inactive means that the key cannot be used"), so it is
     * refused as invalid input.
     */
    UpdateAccessKeyResponse update(UpdateAccessKeyRequest request, CallContext call) {
        String status = request.statusAsString();
        if (!AccessKeyStatus.ACTIVE.wire().equals(status) && !AccessKeyStatus.INACTIVE.wire().equals(status)) {
            throw IamException.invalidInput("Status must be Active or Inactive: " + status);
        }
        keys.updateStatus(call.principal(), request.userName(), request.accessKeyId(),
                AccessKeyStatus.fromWire(status));
        return UpdateAccessKeyResponse.builder().build();
    }

    DeleteAccessKeyResponse delete(DeleteAccessKeyRequest request, CallContext call) {
        keys.delete(call.principal(), request.userName(), request.accessKeyId());
        return DeleteAccessKeyResponse.builder().build();
    }

    /**
     * A key never used answers {@code ServiceName} and {@code Region} "N/A" and no {@code LastUsedDate} ("This field
     * is null in the following situations: ... An access key exists but has not been used since IAM began tracking
     * this information"; IAM API Reference, "AccessKeyLastUsed").
     */
    GetAccessKeyLastUsedResponse lastUsed(GetAccessKeyLastUsedRequest request, CallContext call) {
        AccessKey key = keys.lastUsed(call.principal(), request.accessKeyId());
        AccessKeyLastUsed used = key.lastUsed();
        return GetAccessKeyLastUsedResponse.builder()
                .userName(key.userName())
                .accessKeyLastUsed(u -> {
                    if (used == null) {
                        u.serviceName(LastUsedRecorder.NOT_AVAILABLE).region(LastUsedRecorder.NOT_AVAILABLE);
                    } else {
                        u.lastUsedDate(used.date()).serviceName(used.serviceName()).region(used.region());
                    }
                })
                .build();
    }

    private static AccessKeyMetadata metadata(AccessKey key) {
        return AccessKeyMetadata.builder()
                .userName(key.userName())
                .accessKeyId(key.id())
                .status(status(key.status()))
                .createDate(key.createDate())
                .build();
    }

    private static StatusType status(AccessKeyStatus status) {
        return StatusType.fromValue(status.wire());
    }
}
