package io.sigil.iam.service;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import java.util.Objects;

/** GetGroup's answer: the group and one page of its users, ordered by user name. */
public record GroupMembers(Group group, Page<User> users) {
    public GroupMembers {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(users, "users");
    }
}
