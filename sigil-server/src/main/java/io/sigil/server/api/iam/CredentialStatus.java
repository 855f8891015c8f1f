package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;

/**
 * The {@code Status} of the Update* credential operations. The protocol layer has refused values outside the model's
 * enum ({@code Active | Inactive | Expired}); {@code Expired} is a state IAM gives a credential, not one a caller can
 * set ("Active means that the key can be used ... Inactive means that the key cannot be used"), so it is refused as
 * invalid input, as UpdateAccessKey does.
 */
final class CredentialStatus {

    private CredentialStatus() {
    }

    static AccessKeyStatus settable(String status) {
        if (!AccessKeyStatus.ACTIVE.wire().equals(status) && !AccessKeyStatus.INACTIVE.wire().equals(status)) {
            throw IamException.invalidInput("Status must be Active or Inactive: " + status);
        }
        return AccessKeyStatus.fromWire(status);
    }
}
