/** Sigil's stand-in for the AWS federation endpoint that custom identity brokers call (console sign-in URLs). */
package io.sigil.server.federation;
