package io.sigil.iam.sts;

import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.policy.ContextValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags of a role session. The session's principal tags ({@link #withRoleTags}), and the tag keys of the call
 * that assumes the role as the role's trust policy sees them: the session tags passed with
 * the call ({@code aws:RequestTag/KEY}, {@code aws:TagKeys}, {@code sts:TransitiveTagKeys}: IAM User Guide, "Passing
 * session tags in AWS STS") and the role's own tags ({@code aws:ResourceTag/KEY} and {@code iam:ResourceTag/KEY},
 * the condition keys of the {@code role} resource type of sts:AssumeRole, AssumeRoleWithSAML and
 * AssumeRoleWithWebIdentity in the Service Authorization Reference).
 */
final class SessionTags {

    private SessionTags() {
    }

    /** Adds the passed session tags and the transitive tag keys; nothing for an empty list. */
    static void putPassed(Map<String, ContextValue> keys, List<Tag> tags, List<String> transitiveTagKeys) {
        for (Tag t : tags) {
            keys.put("aws:RequestTag/" + t.key(), ContextValue.of(t.value()));
        }
        if (!tags.isEmpty()) {
            keys.put("aws:TagKeys", ContextValue.ofList(tags.stream().map(Tag::key).toList()));
        }
        if (!transitiveTagKeys.isEmpty()) {
            keys.put("sts:TransitiveTagKeys", ContextValue.ofList(transitiveTagKeys));
        }
    }

    /** Adds the role's tags as the resource's; nothing for a role not found (null). */
    static void putRole(Map<String, ContextValue> keys, Role role) {
        if (role == null) {
            return;
        }
        for (Tag t : role.tags()) {
            keys.put("aws:ResourceTag/" + t.key(), ContextValue.of(t.value()));
            keys.put("iam:ResourceTag/" + t.key(), ContextValue.of(t.value()));
        }
    }

    /**
     * The session's principal tags: the role's tags, then the session tags, which replace a role tag of the same key
     * (IAM User Guide, "Passing session tags in AWS STS": "session tags override a role tag with the same key").
     * Role tags are taken as they are when the session begins.
     */
    static List<Tag> withRoleTags(List<Tag> roleTags, List<Tag> sessionTags) {
        Map<String, Tag> out = new LinkedHashMap<>();
        for (Tag t : sessionTags) {
            out.put(t.key().toLowerCase(Locale.ROOT), t);
        }
        for (Tag t : roleTags) {
            out.putIfAbsent(t.key().toLowerCase(Locale.ROOT), t);
        }
        return List.copyOf(out.values());
    }
}
