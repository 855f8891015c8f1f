/**
 * Reference data generated from well-kept public sources and committed as resources (DESIGN.md, "Reference data"):
 * the catalogue of AWS managed policies.
 */
package io.sigil.iam.reference;
