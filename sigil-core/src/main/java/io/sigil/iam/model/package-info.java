/**
 * Entity records (IAM API Reference, "Data Types": User, Group, Role, AccessKey, Tag). Immutable; collections are
 * copied on the way in; {@code version} fields carry the optimistic lock of the row they were read from.
 */
package io.sigil.iam.model;
