/**
 * The Sigil server module: today the {@code sigil} command line ({@link io.sigil.server.Main}); later the HTTP
 * server speaking the AWS IAM and STS Query APIs (shared/DESIGN.md, "How a request flows").
 */
package io.sigil.server;
