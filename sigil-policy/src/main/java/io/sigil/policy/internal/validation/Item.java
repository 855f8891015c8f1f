package io.sigil.policy.internal.validation;

import io.sigil.policy.SourceSpan;

/** One string of an element (an action, a resource, a principal, a condition value), with where it is. */
record Item(String value, String path, SourceSpan span) {
}
