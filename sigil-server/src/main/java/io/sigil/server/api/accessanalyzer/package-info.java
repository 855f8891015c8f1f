/**
 * IAM Access Analyzer's ValidatePolicy (Access Analyzer API Reference, "ValidatePolicy"; IAM User Guide, "IAM Access
 * Analyzer policy check reference"), served with the REST-JSON dispatcher on the same port as IAM and STS: the
 * engine's validator produces the findings, this package maps them onto Access Analyzer's shapes (finding type,
 * issue code, details, learn-more link, locations as JSON paths and spans) and pages them.
 */
package io.sigil.server.api.accessanalyzer;
