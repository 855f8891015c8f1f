/**
 * The {@code sigil policy} commands: {@code validate} (findings in the style of IAM Access Analyzer's
 * ValidatePolicy), {@code evaluate} (one request, explained statement by statement) and {@code test} (conformance
 * case files, shared/conformance/README.md). One class per subcommand; output formats are stated on each class
 * and are relied on by scripts and tests.
 */
package io.sigil.server.cli;
