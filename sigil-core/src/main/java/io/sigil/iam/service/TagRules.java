package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules on tags that the protocol layer's patterns cannot express (IAM User Guide, "Tags for AWS Identity and
 * Access Management resources" › "Rules for tagging in IAM and AWS STS"). Lengths, characters and the 50-member
 * list bound are checked before a service runs; duplicate keys and the per-entity quota are checked by the store,
 * which sees the tags already there.
 */
public final class TagRules {

    /** "You cannot create a tag key or value that begins with the text aws:. This tag prefix is reserved for AWS
     * internal use." The guide states the rule, not the wire error: InvalidInput is the error IAM's tagging
     * operations declare for an invalid value, and the message text is ours. */
    public static final String RESERVED_PREFIX = "aws:";

    private TagRules() {
    }

    /** @throws IamException InvalidInput if a key or value begins with {@code aws:} in any case */
    public static void requireNoReservedPrefix(Collection<Tag> tags) {
        reserved(tags).ifPresent(t -> {
            throw IamException.invalidInput("Tag keys and values cannot begin with the reserved prefix '"
                    + RESERVED_PREFIX + "': " + t.key());
        });
    }

    /**
     * The same rule for session tags (AssumeRole, GetFederationToken: IAM User Guide, "Tagging IAM resources", the
     * rules "apply to ... AWS STS assume-role sessions, and AWS STS federated user sessions"), as STS's
     * ValidationError; the text is ours, AWS's is not on record.
     */
    public static void requireNoReservedPrefixInSession(Collection<Tag> tags) {
        reserved(tags).ifPresent(t -> {
            throw IamException.validationError("Session tag keys and values cannot begin with the reserved prefix '"
                    + RESERVED_PREFIX + "': " + t.key());
        });
    }

    /** The first tag whose key or value begins with {@code aws:} in any case. */
    private static Optional<Tag> reserved(Collection<Tag> tags) {
        return tags.stream().filter(t -> isReserved(t.key()) || isReserved(t.value())).findFirst();
    }

    private static boolean isReserved(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX);
    }
}
