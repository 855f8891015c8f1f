package io.sigil.server.api;

/** One API area (users, groups, access keys, ...): registers a handler for each of its operations. */
public interface ApiModule {
    void register(Handlers handlers);
}
