package io.sigil.server.api;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operation handlers by request class, registered by the {@link ApiModule}s: at once ({@link #on}), or, for a module
 * whose request classes are known beforehand, at the first call of one of them ({@link #defer}).
 *
 * <p>Deferring is for the cold start: registering a handler links a method reference, which loads the operation's
 * request and response classes of the SDK model and a lambda class, about 1,000 classes and 190 linkages for all
 * ~35 modules, on the start's critical path (sigil-bench's ColdStart). A deferred module registers all its handlers
 * at its first call, once, whichever thread gets there; the same work, done only for the modules a client calls.
 */
public final class Handlers {
    /** Written at start-up and by deferred modules' first calls, read by every call. */
    private final Map<Class<?>, Handler<?>> byRequest = new ConcurrentHashMap<>();
    /** Modules not registered yet, by the names of the request classes they handle; not changed once serving. */
    private final Map<String, Deferred> deferred = new HashMap<>();

    public <Q extends AwsRequest> Handlers on(Class<Q> requestType, Handler<Q> handler) {
        if (byRequest.putIfAbsent(requestType, handler) != null) {
            throw new IllegalStateException("two handlers for " + requestType.getSimpleName());
        }
        return this;
    }

    /**
     * Registers {@code module} at the first call of one of {@code requestClasses} (binary names) rather than now.
     * They must be exactly the classes its {@link ApiModule#register} registers (the server's handler table is
     * generated from the modules and tested against them). Only before the first call.
     */
    public void defer(ApiModule module, Collection<String> requestClasses) {
        Deferred d = new Deferred(module);
        for (String name : requestClasses) {
            if (deferred.putIfAbsent(name, d) != null) {
                throw new IllegalStateException("two modules for " + name);
            }
        }
    }

    public boolean has(Class<?> requestType) {
        return byRequest.containsKey(requestType) || deferred.containsKey(requestType.getName());
    }

    /** Runs the handler of this request's class, if one is registered (registering its module first if deferred). */
    @SuppressWarnings("unchecked")
    public Optional<AwsResponse> invoke(AwsRequest request, CallContext call) {
        Handler<AwsRequest> h = (Handler<AwsRequest>) byRequest.get(request.getClass());
        if (h == null) {
            Deferred d = deferred.get(request.getClass().getName());
            if (d == null) {
                return Optional.empty();
            }
            d.registerOnce(this);
            h = (Handler<AwsRequest>) byRequest.get(request.getClass());
            if (h == null) {
                return Optional.empty();
            }
        }
        return Optional.of(h.handle(request, call));
    }

    /** Registers every deferred module now (for {@code sigil serve --self-check}). */
    public void registerDeferred() {
        new LinkedHashSet<>(deferred.values()).forEach(d -> d.registerOnce(this));
    }

    /** The binary names of the request classes registered so far, sorted (for the handler table's generator). */
    public List<String> registeredRequestClasses() {
        return byRequest.keySet().stream().map(Class::getName).sorted().toList();
    }

    /** A module that registers at its first call. */
    private static final class Deferred {
        private final ApiModule module;
        private boolean registered;

        Deferred(ApiModule module) {
            this.module = module;
        }

        synchronized void registerOnce(Handlers into) {
            if (!registered) {
                module.register(into);
                registered = true;
            }
        }
    }
}
