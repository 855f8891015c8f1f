package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.reference.TableResource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which role CreateServiceLinkedRole makes for a service principal: its name, the AWS managed policy the service
 * attaches, and whether the service takes a {@code CustomSuffix} (API Reference, "CreateServiceLinkedRole": "Some
 * services do not support the CustomSuffix parameter"). Read once from {@code service-linked-roles.tsv}.
 *
 * <p>A principal that is not in the table but has AWS's service-principal form ({@code name.amazonaws.com}) gets
 * a role named {@code AWSServiceRoleFor} + the first label in PascalCase ({@code foo-bar.amazonaws.com} →
 * {@code AWSServiceRoleForFooBar}) and no policy, so that tools creating roles for services the table lacks still
 * work; anything else is refused with InvalidInput.
 */
public final class ServiceLinkedRoles {

    /** "AWSServiceRoleFor" + the service's name, the prefix every service-linked role shares. */
    public static final String NAME_PREFIX = "AWSServiceRoleFor";
    private static final String PRINCIPAL_SUFFIX = ".amazonaws.com";

    /**
     * One service's role.
     *
     * @param policyArn the service's AWS managed policy, null when unknown
     */
    public record Entry(String service, String roleName, String policyArn, boolean customSuffix) {

        /** The role's path: {@code /aws-service-role/SERVICE/} (IAM User Guide, "Using service-linked roles"). */
        public String path() {
            return "/aws-service-role/" + service + "/";
        }

        /** The role name for an optional suffix: {@code NAME_SUFFIX}. */
        public String roleName(String suffix) {
            return suffix == null || suffix.isEmpty() ? roleName : roleName + "_" + suffix;
        }
    }

    private static final Map<String, Entry> TABLE = load();

    private ServiceLinkedRoles() {
    }

    /** The entry for a service principal (case-sensitive: "Service principals are unique and case-sensitive"). */
    public static Optional<Entry> lookup(String service) {
        Entry known = TABLE.get(service);
        if (known != null) {
            return Optional.of(known);
        }
        if (service.endsWith(PRINCIPAL_SUFFIX) && service.length() > PRINCIPAL_SUFFIX.length()) {
            String first = service.substring(0, service.indexOf('.'));
            return Optional.of(new Entry(service, NAME_PREFIX + pascal(first), null, false));
        }
        return Optional.empty();
    }

    /**
     * The entry for CreateServiceLinkedRole.
     *
     * @throws IamException InvalidInput for a name that is not a service principal (the message is Sigil's)
     */
    public static Entry require(String service) {
        return lookup(service).orElseThrow(() -> IamException.invalidInput("Invalid AWSServiceName: " + service
                + " is not a service principal of the form SERVICE.amazonaws.com."));
    }

    private static String pascal(String label) {
        StringBuilder out = new StringBuilder();
        for (String part : label.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> table = new HashMap<>();
        for (String line : TableResource.records(ServiceLinkedRoles.class, "service-linked-roles.tsv")) {
            String[] c = line.split("\t");
            if (c.length != 4) {
                throw new IllegalStateException("service-linked-roles.tsv: bad line: " + line);
            }
            table.put(c[0], new Entry(c[0], c[1], c[2], c[3].equals("yes")));
        }
        return Map.copyOf(table);
    }
}
