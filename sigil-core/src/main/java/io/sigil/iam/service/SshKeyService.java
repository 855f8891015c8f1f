package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SshKey;
import io.sigil.iam.model.User;
import io.sigil.iam.pki.PkiException;
import io.sigil.iam.pki.SshPublicKey;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SshKeyStore;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * SSH public keys of IAM users for CodeCommit (IAM API Reference: UploadSSHPublicKey, GetSSHPublicKey,
 * ListSSHPublicKeys, UpdateSSHPublicKey, DeleteSSHPublicKey; spec §1.8, §10 H77, H85).
 *
 * <p>Keys are {@code ssh-rsa} or PEM RSA keys of 2,048 to 16,384 bits ({@link SshPublicKey}); a user holds at most
 * five. A key id of another user is answered as not found ("The Public Key with id APKA… cannot be found."), exactly
 * like one that does not exist.
 */
public final class SshKeyService {

    /** GetSSHPublicKey's {@code Encoding}: "To retrieve the public key in ssh-rsa format, use SSH. To retrieve the
     * public key in PEM format, use PEM." */
    public enum Encoding {
        SSH,
        PEM
    }

    private final Store store;
    private final Clock clock;

    public SshKeyService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * UploadSSHPublicKey: a new {@code Active} key of the user.
     *
     * @throws IamException NoSuchEntity for an unknown user; UnrecognizedPublicKeyEncoding for a body that is neither
     *     {@code ssh-rsa} nor PEM RSA; InvalidPublicKey for a broken or short key; DuplicateSSHPublicKey;
     *     LimitExceeded past five keys
     */
    public SshKey upload(Principal caller, String userName, String body) {
        User user = store.read(tx -> tx.users().get(caller.accountId(), userName));
        SshPublicKey parsed = parse(body);
        SshKey key = new SshKey(caller.accountId(), Ids.sshPublicKeyId(), user.id(), user.name(), body,
                parsed.fingerprint(), AccessKeyStatus.ACTIVE, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return store.inTransaction(tx -> tx.sshKeys().create(key));
    }

    /** GetSSHPublicKey. @throws IamException NoSuchEntity for an unknown user or a key the user does not have */
    public SshKey get(Principal caller, String userName, String keyId) {
        return store.read(tx -> owned(tx, caller, userName, keyId));
    }

    /**
     * The key's body in the asked encoding: as uploaded when it came in that encoding, else converted (an
     * {@code ssh-rsa} line without comment, or a PEM SubjectPublicKeyInfo).
     */
    public static String encoded(SshKey key, Encoding encoding) {
        SshPublicKey parsed = SshPublicKey.parse(key.body());
        if (encoding == Encoding.PEM) {
            return parsed.uploadedAsPem() ? key.body() : parsed.pemEncoding();
        }
        return parsed.uploadedAsPem() ? parsed.sshEncoding() : key.body();
    }

    /**
     * ListSSHPublicKeys: "If none exists, the operation returns an empty list." Without a user name, the caller's
     * keys; the root user holds none.
     */
    public Page<SshKey> list(Principal caller, String userName, PageRequest page) {
        return store.read(tx -> {
            CredentialOwner owner = CredentialOwner.resolve(tx, caller, userName);
            return owner.isRoot() ? new Page<SshKey>(List.of(), null)
                    : tx.sshKeys().list(caller.accountId(), owner.userId(), page);
        });
    }

    /** UpdateSSHPublicKey: "SSH public keys that are inactive cannot be used for authentication." */
    public SshKey updateStatus(Principal caller, String userName, String keyId, AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        return store.inTransaction(tx -> {
            owned(tx, caller, userName, keyId);
            return tx.sshKeys().updateStatus(caller.accountId(), keyId, status);
        });
    }

    /** DeleteSSHPublicKey. */
    public void delete(Principal caller, String userName, String keyId) {
        store.write(tx -> {
            owned(tx, caller, userName, keyId);
            tx.sshKeys().delete(caller.accountId(), keyId);
        });
    }

    private static SshKey owned(Tx tx, Principal caller, String userName, String keyId) {
        User user = tx.users().get(caller.accountId(), userName);
        return tx.sshKeys().find(caller.accountId(), keyId)
                .filter(k -> k.userId().equals(user.id()))
                .orElseThrow(() -> SshKeyStore.noSuchKey(keyId));
    }

    /**
     * The model names the refusals (InvalidPublicKey: "the public key is malformed or otherwise invalid";
     * UnrecognizedPublicKeyEncoding: "the public key encoding format is unsupported or unrecognized"); AWS's message
     * texts for them are not published, so these are ours.
     */
    static SshPublicKey parse(String body) {
        try {
            return SshPublicKey.parse(body);
        } catch (PkiException e) {
            throw switch (e.reason()) {
                case TOO_SHORT -> new IamException(ErrorCode.INVALID_PUBLIC_KEY,
                        "The public key is too short. The minimum bit-length of the public key is 2048 bits.");
                case UNSUPPORTED -> new IamException(ErrorCode.UNRECOGNIZED_PUBLIC_KEY_ENCODING,
                        "The public key encoding format is unsupported or unrecognized. The public key must be "
                                + "encoded in ssh-rsa format or PEM format.");
                default -> new IamException(ErrorCode.INVALID_PUBLIC_KEY,
                        "The public key is malformed or otherwise invalid.");
            };
        }
    }
}
