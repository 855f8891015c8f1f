package io.sigil.server.api.iam;

import io.sigil.iam.model.SshKey;
import io.sigil.iam.service.SshKeyService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysRequest;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyResponse;

/**
 * UploadSSHPublicKey, GetSSHPublicKey, ListSSHPublicKeys, UpdateSSHPublicKey and DeleteSSHPublicKey on the wire (IAM
 * API Reference; the rules are {@link SshKeyService}'s). ListSSHPublicKeys answers metadata only: user, id, status
 * and upload date, as the "SSHPublicKeyMetadata" type has them.
 */
public final class SshPublicKeysApi implements ApiModule {

    private final SshKeyService keys;

    public SshPublicKeysApi(SshKeyService keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UploadSshPublicKeyRequest.class, this::upload)
                .on(GetSshPublicKeyRequest.class, this::get)
                .on(ListSshPublicKeysRequest.class, this::list)
                .on(UpdateSshPublicKeyRequest.class, this::update)
                .on(DeleteSshPublicKeyRequest.class, this::delete);
    }

    UploadSshPublicKeyResponse upload(UploadSshPublicKeyRequest r, CallContext call) {
        SshKey key = keys.upload(call.principal(), r.userName(), r.sshPublicKeyBody());
        return UploadSshPublicKeyResponse.builder().sshPublicKey(full(key, key.body())).build();
    }

    /** The protocol layer has checked {@code Encoding} against the model's {@code SSH | PEM}. */
    GetSshPublicKeyResponse get(GetSshPublicKeyRequest r, CallContext call) {
        SshKey key = keys.get(call.principal(), r.userName(), r.sshPublicKeyId());
        String body = SshKeyService.encoded(key, SshKeyService.Encoding.valueOf(r.encodingAsString()));
        return GetSshPublicKeyResponse.builder().sshPublicKey(full(key, body)).build();
    }

    ListSshPublicKeysResponse list(ListSshPublicKeysRequest r, CallContext call) {
        Page<SshKey> page = keys.list(call.principal(), r.userName(), Paging.of(r.marker(), r.maxItems()));
        return ListSshPublicKeysResponse.builder()
                .sshPublicKeys(page.items().stream().map(SshPublicKeysApi::metadata).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    UpdateSshPublicKeyResponse update(UpdateSshPublicKeyRequest r, CallContext call) {
        keys.updateStatus(call.principal(), r.userName(), r.sshPublicKeyId(),
                CredentialStatus.settable(r.statusAsString()));
        return UpdateSshPublicKeyResponse.builder().build();
    }

    DeleteSshPublicKeyResponse delete(DeleteSshPublicKeyRequest r, CallContext call) {
        keys.delete(call.principal(), r.userName(), r.sshPublicKeyId());
        return DeleteSshPublicKeyResponse.builder().build();
    }

    private static SSHPublicKey full(SshKey key, String body) {
        return SSHPublicKey.builder()
                .userName(key.userName())
                .sshPublicKeyId(key.id())
                .fingerprint(key.fingerprint())
                .sshPublicKeyBody(body)
                .status(key.status().wire())
                .uploadDate(key.uploadDate())
                .build();
    }

    private static SSHPublicKeyMetadata metadata(SshKey key) {
        return SSHPublicKeyMetadata.builder()
                .userName(key.userName())
                .sshPublicKeyId(key.id())
                .status(key.status().wire())
                .uploadDate(key.uploadDate())
                .build();
    }
}
