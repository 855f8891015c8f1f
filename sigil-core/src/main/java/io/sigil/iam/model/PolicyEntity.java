package io.sigil.iam.model;

import java.util.Objects;

/**
 * An identity a managed policy is attached to, as ListEntitiesForPolicy answers it ({@code PolicyUser},
 * {@code PolicyGroup}, {@code PolicyRole}: name and unique id).
 */
public record PolicyEntity(PolicyOwnerKind kind, String name, String id, String path) {

    public PolicyEntity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
    }
}
