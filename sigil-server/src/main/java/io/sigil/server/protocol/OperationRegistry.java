package io.sigil.server.protocol;

import io.sigil.iam.reference.TableResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Every IAM and STS operation of the AWS SDK for Java v2 model, from a table generated from that model rather
 * than listed by hand.
 *
 * <p>The operations are the methods of {@code IamClient} and {@code StsClient} that take one
 * {@code XxxRequest} and return an {@code XxxResponse}. The action name is not derived from the class name
 * (the SDK renames {@code GetMFADevice} to {@code GetMfaDeviceRequest}): it is what the SDK's own
 * {@code transform.XxxRequestMarshaller} writes as {@code Action=} for an empty request, so it is exactly the
 * name the SDK sends on the wire. That scan loads and runs some 1,500 SDK classes, which took most of a second
 * at every start; so it runs at build time instead ({@code OperationTableTest}, which also fails the build when
 * the shipped {@value #RESOURCE} differs from a fresh scan of the SDK on the class path), and an operation's
 * SDK classes are loaded on its first use.
 */
public final class OperationRegistry {
    /** The generated table: one operation a line, {@code service TAB action TAB request class TAB response class}. */
    static final String RESOURCE = "operations.tsv";

    private static final OperationRegistry STANDARD = new OperationRegistry(read());

    /** One row of the table: an operation whose classes are named, not yet loaded. */
    record Entry(AwsService service, String name, String requestClass, String responseClass) {
        // Written out: a record's own equals and hashCode are linked through invokedynamic
        // (java.lang.runtime.ObjectMethods) at their first call, several milliseconds of every server start
        // (sigil-bench's ColdStart).
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && service == e.service && name.equals(e.name)
                    && requestClass.equals(e.requestClass) && responseClass.equals(e.responseClass);
        }

        @Override
        public int hashCode() {
            return ((service.hashCode() * 31 + name.hashCode()) * 31 + requestClass.hashCode()) * 31
                    + responseClass.hashCode();
        }

        /** The table line of this entry. */
        String line() {
            return service.id() + "\t" + name + "\t" + requestClass + "\t" + responseClass;
        }
    }

    private final Map<AwsService, Map<String, Entry>> byService;
    private final Map<String, Entry> byRequestClass;
    private final Map<Entry, Operation> loaded = new ConcurrentHashMap<>();

    OperationRegistry(List<Entry> entries) {
        Map<AwsService, Map<String, Entry>> services = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            services.put(service, new LinkedHashMap<>());
        }
        Map<String, Entry> byType = new HashMap<>();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::name));
        for (Entry e : sorted) {
            if (services.get(e.service()).put(e.name(), e) != null) {
                throw new IllegalStateException("two request classes for " + e.service() + " " + e.name());
            }
            if (byType.put(e.requestClass(), e) != null) {
                throw new IllegalStateException("two operations for " + e.requestClass());
            }
        }
        services.replaceAll((service, ops) -> Collections.unmodifiableMap(ops));
        this.byService = services;
        this.byRequestClass = Map.copyOf(byType);
    }

    /** The registry of all IAM and STS operations (the shipped table; classes load on first use). */
    public static OperationRegistry standard() {
        return STANDARD;
    }

    /** The operation {@code action} of {@code service}, if the service has it (names are case-sensitive). */
    public Optional<Operation> find(AwsService service, String action) {
        Entry e = byService.get(service).get(action);
        return e == null ? Optional.empty() : Optional.of(operation(e));
    }

    /** The operation whose request class is {@code requestType}. */
    public Optional<Operation> forRequest(Class<?> requestType) {
        Entry e = byRequestClass.get(requestType.getName());
        return e == null ? Optional.empty() : Optional.of(operation(e)).filter(op -> op.requestType() == requestType);
    }

    /** The operations of {@code service}, sorted by name. */
    public List<Operation> operations(AwsService service) {
        return byService.get(service).values().stream().map(this::operation).toList();
    }

    /** All operations of all services. */
    public List<Operation> all() {
        List<Operation> all = new ArrayList<>();
        byService.values().forEach(ops -> ops.values().forEach(e -> all.add(operation(e))));
        return Collections.unmodifiableList(all);
    }

    /** The table rows, by service and then by name. */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        byService.values().forEach(ops -> all.addAll(ops.values()));
        return Collections.unmodifiableList(all);
    }

    private Operation operation(Entry e) {
        return loaded.computeIfAbsent(e, OperationRegistry::load);
    }

    private static Operation load(Entry e) {
        return new Operation(e.service(), e.name(), load(e.requestClass()).asSubclass(AwsRequest.class),
                load(e.responseClass()).asSubclass(AwsResponse.class));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OperationRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("AWS SDK class missing from the class path: " + name, e);
        }
    }

    /** Reads the shipped table. */
    static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        for (String line : TableResource.records(OperationRegistry.class, RESOURCE)) {
            entries.add(entry(line));
        }
        return entries;
    }

    private static Entry entry(String line) {
        String[] f = line.split("\t", -1);
        Optional<AwsService> service = AwsService.forId(f[0]);
        if (f.length != 4 || service.isEmpty()) {
            throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        return new Entry(service.get(), f[1], f[2], f[3]);
    }
}
