package io.sigil.server.api;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Operation handlers by request class. Filled once at start-up by the {@link ApiModule}s. */
public final class Handlers {
    private final Map<Class<?>, Handler<?>> byRequest = new HashMap<>();

    public <Q extends AwsRequest> Handlers on(Class<Q> requestType, Handler<Q> handler) {
        if (byRequest.putIfAbsent(requestType, handler) != null) {
            throw new IllegalStateException("two handlers for " + requestType.getSimpleName());
        }
        return this;
    }

    public boolean has(Class<?> requestType) {
        return byRequest.containsKey(requestType);
    }

    /** Runs the handler of this request's class, if one is registered. */
    @SuppressWarnings("unchecked")
    public Optional<AwsResponse> invoke(AwsRequest request, CallContext call) {
        Handler<AwsRequest> h = (Handler<AwsRequest>) byRequest.get(request.getClass());
        return h == null ? Optional.empty() : Optional.of(h.handle(request, call));
    }
}
