package io.sigil.server.app;

import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.AuthorizationMessages;
import io.sigil.server.api.CallServices;
import io.sigil.server.api.CredentialResolver;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.api.accessanalyzer.ValidatePolicyOperation;
import io.sigil.server.authz.AuthorizeOperation;
import io.sigil.server.authz.DecisionListener;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.Endpoint;
import io.sigil.server.rest.RestJsonDispatcher;
import io.sigil.server.rest.RestOperation;
import io.sigil.server.sigv4.SigV4Config;
import io.sigil.server.sigv4.SigV4Verifier;

import java.util.List;
import java.util.Map;

/**
 * The REST-JSON operations beside the Query API: Access Analyzer's ValidatePolicy on its AWS path, and the
 * authorization API for other services under /_sigil/. Each gets a dispatcher whose verifier accepts its signing
 * name in any region (Access Analyzer is regional; Sigil answers for every region).
 */
final class RestRoutes {
    private final Store store;
    private final CredentialResolver credentials;
    private final CallServices services;

    RestRoutes(Store store, CredentialResolver credentials, CallServices services) {
        this.store = store;
        this.credentials = credentials;
        this.services = services;
    }

    /** AWS API paths: {@code POST /policy/validation}. */
    Map<String, ApiEndpoint> api() {
        return Map.of("POST /policy/validation", dispatcher(new ValidatePolicyOperation()));
    }

    /** Under /_sigil/: {@code POST /_sigil/authorize}. */
    Map<String, Endpoint> admin(SecretBox box, DecisionListener listener) {
        SigV4Verifier<KeyCredential> anyService = new SigV4Verifier<>(SigV4Config.defaults()
                .withRegions(List.of(SigV4Config.ANY)).withServices(List.of(SigV4Config.ANY)), credentials);
        AuthorizeOperation authorize = new AuthorizeOperation(store, services.authorizer(), anyService,
                new AuthorizationMessages(box), services.audit(), listener, services.keyUse());
        return Map.of("POST " + AuthorizeOperation.PATH, dispatcher(authorize));
    }

    private RestJsonDispatcher dispatcher(RestOperation op) {
        SigV4Verifier<KeyCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults()
                .withRegions(List.of(SigV4Config.ANY)).withServices(List.of(op.signingName())), credentials);
        return new RestJsonDispatcher(op, verifier, services);
    }
}
