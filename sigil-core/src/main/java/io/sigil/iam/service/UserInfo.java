package io.sigil.iam.service;

import io.sigil.iam.Arns;
import io.sigil.iam.model.User;
import java.time.Instant;
import java.util.Objects;

/**
 * GetUser's answer: an IAM user, or the account's root user when the root calls GetUser without a name. For the
 * root, IAM answers with the account id as {@code UserId}, the root ARN and the account's creation date, and no
 * {@code UserName} or {@code Path} (IAM API Reference, "GetUser": "If you do not specify a user name, IAM
 * determines the user name implicitly based on the access key ID used to sign the request"; the root's answer
 * without a UserName is noted in grycap/scar#181).
 */
public sealed interface UserInfo {

    /** An IAM user of the account. */
    record Iam(User user) implements UserInfo {
        public Iam {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The account's root user. */
    record Root(String accountId, Instant createDate) implements UserInfo {
        public Root {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(createDate, "createDate");
        }

        /** {@code arn:aws:iam::123456789012:root}. */
        public String arn() {
            return Arns.root(accountId);
        }
    }
}
