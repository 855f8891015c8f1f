/**
 * Facts about AWS services that policies refer to: service prefixes, actions and their access levels, condition
 * keys and their types (AWS Service Authorization Reference; IAM User Guide, "AWS global condition context keys").
 * The data is generated, never typed by hand: see {@code scripts/refresh-reference-data.sh}.
 */
package io.sigil.policy.reference;
