/**
 * SAML 2.0 for IAM SAML providers and STS AssumeRoleWithSAML (IAM User Guide, "SAML 2.0 federation", "Configure
 * SAML assertions for the authentication response", "Troubleshooting SAML 2.0 federation"; OASIS SAML 2.0 Core and
 * Metadata; W3C XML Signature). Every document is parsed by {@link io.sigil.iam.saml.SecureXml} (no DTDs, no
 * external entities, no XInclude) and signatures are checked with the JDK's {@code javax.xml.crypto.dsig} against
 * the provider's metadata certificates only.
 */
package io.sigil.iam.saml;
