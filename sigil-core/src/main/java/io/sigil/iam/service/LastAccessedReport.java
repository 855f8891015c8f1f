package io.sigil.iam.service;

import io.sigil.iam.model.PolicyOwnerKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished GenerateServiceLastAccessedDetails report, as GetServiceLastAccessedDetails and
 * GetServiceLastAccessedDetailsWithEntities serve it: a snapshot taken when the job ran, stored with the job so that
 * every node serves the same one. {@link #encode}/{@link #decode} give its stored text form: one tab-separated line
 * per item (IAM names, paths, ARNs and action names hold no tabs or line breaks).
 *
 * @param services the services the subject's permissions policies allow, by namespace
 * @param entities the users and roles whose attempts count
 * @param uses     each entity's latest attempt per service, for the report "with entities"
 */
public record LastAccessedReport(List<Service> services, List<AccessSubject.Entity> entities, List<Use> uses) {

    public LastAccessedReport {
        services = List.copyOf(services);
        entities = List.copyOf(entities);
        uses = List.copyOf(uses);
    }

    /**
     * One {@code ServiceLastAccessed}. The last-attempt members are null when no entity attempted to use the service
     * in the tracking period; {@code actions} is empty at service level and for services without action-level data.
     */
    public record Service(String namespace, String name, Instant lastAuthenticated, String lastEntityArn,
                          String lastRegion, int totalAuthenticatedEntities, List<TrackedAction> actions) {
        public Service {
            actions = List.copyOf(actions);
        }
    }

    /** One {@code TrackedActionLastAccessed}: an allowed action of the service that an entity attempted. */
    public record TrackedAction(String action, Instant lastAccessed, String entityArn, String region) {
    }

    /** An entity's latest attempt to use a service. */
    public record Use(String namespace, String entityId, Instant lastAuthenticated) {
    }

    String encode() {
        StringBuilder b = new StringBuilder();
        for (Service s : services) {
            line(b, "S", s.namespace(), s.name(), time(s.lastAuthenticated()), s.lastEntityArn(), s.lastRegion(),
                    Integer.toString(s.totalAuthenticatedEntities()));
            for (TrackedAction a : s.actions()) {
                line(b, "A", s.namespace(), a.action(), time(a.lastAccessed()), a.entityArn(), a.region());
            }
        }
        for (AccessSubject.Entity e : entities) {
            line(b, "E", e.kind().name(), e.id(), e.name(), e.path(), e.arn());
        }
        for (Use u : uses) {
            line(b, "U", u.namespace(), u.entityId(), time(u.lastAuthenticated()));
        }
        return b.toString();
    }

    static LastAccessedReport decode(String text) {
        List<Service> services = new ArrayList<>();
        List<TrackedAction> actions = new ArrayList<>();
        List<AccessSubject.Entity> entities = new ArrayList<>();
        List<Use> uses = new ArrayList<>();
        Service open = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "S" -> {
                    if (open != null) {
                        services.add(withActions(open, actions));
                    }
                    actions = new ArrayList<>();
                    open = new Service(f[1], f[2], instant(f[3]), value(f[4]), value(f[5]), Integer.parseInt(f[6]),
                            List.of());
                }
                case "A" -> actions.add(new TrackedAction(f[2], instant(f[3]), value(f[4]), value(f[5])));
                case "E" -> entities.add(new AccessSubject.Entity(PolicyOwnerKind.valueOf(f[1]), f[2], f[3], f[4],
                        f[5]));
                case "U" -> uses.add(new Use(f[1], f[2], instant(f[3])));
                default -> throw new IllegalStateException("unknown report line " + f[0]);
            }
        }
        if (open != null) {
            services.add(withActions(open, actions));
        }
        return new LastAccessedReport(services, entities, uses);
    }

    private static Service withActions(Service s, List<TrackedAction> actions) {
        return new Service(s.namespace(), s.name(), s.lastAuthenticated(), s.lastEntityArn(), s.lastRegion(),
                s.totalAuthenticatedEntities(), actions);
    }

    private static void line(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            b.append(i == 0 ? "" : "\t").append(fields[i] == null ? "-" : fields[i]);
        }
        b.append('\n');
    }

    private static String time(Instant t) {
        return t == null ? null : Long.toString(t.toEpochMilli());
    }

    private static Instant instant(String s) {
        return s.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(s));
    }

    private static String value(String s) {
        return s.equals("-") ? null : s;
    }
}
