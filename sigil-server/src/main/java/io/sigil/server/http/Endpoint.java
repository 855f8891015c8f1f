package io.sigil.server.http;

/** Answers one request. Must not throw: failures become AWS-shaped error replies. */
@FunctionalInterface
public interface Endpoint {
    HttpReply handle(HttpCall call);
}
