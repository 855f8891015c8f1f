package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource and NotResource values (IAM JSON policy elements: Resource; IAM identifiers, "IAM ARNs"). IAM accepts
 * {@code "*"} or an ARN-shaped string: a partition it serves, a service that contains no wildcard, no Region for IAM
 * and S3, and one of IAM's resource types after the account of an IAM ARN. The messages and their order follow
 * IAM's answers as recorded by moto's IAM policy validator; ARNs that pass those checks but still lack fields fail
 * IAM's "legacy parsing".
 */
final class ResourceChecks {
    /** AWS partitions (AWS General Reference, "Amazon Resource Names": Partition); "*" matches any. */
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
            "aws-iso-e", "aws-iso-f", "aws-eusc", "*");
    private static final Map<String, Issue> NO_REGION = Map.of("iam", Issue.IAM_RESOURCE_REGION,
            "s3", Issue.S3_RESOURCE_REGION);
    private static final List<String> IAM_RESOURCE_TYPES = List.of("user/", "federated-user/", "role/", "group/",
            "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/",
            "oidc-provider/", "report/", "access-report/");

    private ResourceChecks() {}

    static List<Item> check(Context ctx, Json value, String path) {
        List<Item> resources = Elements.strings(ctx, value, path);
        if (resources == null) {
            return null;
        }
        if (resources.isEmpty()) {
            ctx.add(ctx.iamStored() ? Issue.EMPTY_RESOURCE : Issue.EMPTY_ARRAY_RESOURCE, path, value.span());
        }
        for (Item r : resources) {
            if (!r.value().equals("*") && !format(ctx, r)) {
                legacy(ctx, r);
            }
            if (r.value().contains("$")) {
                VariableChecks.check(ctx, r, true);
            }
        }
        redundant(ctx, resources);
        return resources;
    }

    /** IAM's format checks; true when one failed (and was reported). */
    private static boolean format(Context ctx, Item r) {
        String s = r.value();
        int c1 = s.indexOf(':');
        if (c1 < 0) {
            ctx.add(Issue.RESOURCE_NOT_ARN, r.path(), r.span(), s);
            return true;
        }
        String afterPrefix = s.substring(c1 + 1);
        int c2 = afterPrefix.indexOf(':');
        String partition = c2 < 0 ? afterPrefix : afterPrefix.substring(0, c2);
        String afterPartition = c2 < 0 ? "" : afterPrefix.substring(c2 + 1);
        if (!PARTITIONS.contains(partition)) {
            ctx.add(Issue.INVALID_PARTITION, r.path(), r.span(), partition, normalised(partition, afterPartition));
            return true;
        }
        if (c2 < 0) {
            ctx.add(Issue.RESOURCE_VENDOR, r.path(), r.span());
            return true;
        }
        int c3 = afterPartition.indexOf(':');
        String service = c3 < 0 ? afterPartition : afterPartition.substring(0, c3);
        String afterService = c3 < 0 ? "" : afterPartition.substring(c3 + 1);
        if (NO_REGION.containsKey(service) && !afterService.startsWith(":") && !s3WithAccount(service, afterService)) {
            ctx.add(NO_REGION.get(service), r.path(), r.span(), s);
            return true;
        }
        if (Wildcards.hasWildcard(service)) {
            ctx.add(Issue.WILDCARD_IN_SERVICE_NAME, r.path(), r.span());
        }
        if (service.equals("iam")) {
            String[] rest = afterService.split(":", 3);
            String resource = rest.length == 3 ? rest[2] : "";
            if (!resource.equals("*") && !resource.equals("root")
                    && IAM_RESOURCE_TYPES.stream().noneMatch(resource::startsWith)) {
                ctx.add(Issue.IAM_RESOURCE_PATH, r.path(), r.span());
                return true;
            }
        }
        return false;
    }

    /**
     * S3 resources other than buckets and objects (access points, jobs, Storage Lens) carry a Region and an account;
     * only bucket and object ARNs, which carry neither, are refused a Region.
     */
    private static boolean s3WithAccount(String service, String afterService) {
        String[] f = afterService.split(":", 3);
        return service.equals("s3") && f.length == 3 && !f[1].isEmpty();
    }

    /**
     * How IAM echoes an ARN with a bad partition: the four fields after it, "*" for each missing one, the last
     * keeping any further colons ({@code a:b:cadfsdf} gives {@code arn:b:cadfsdf:*:*:*}).
     */
    private static String normalised(String partition, String rest) {
        String[] f = rest.split(":", -1);
        String a1 = !f[0].isEmpty() || f.length > 1 ? f[0] : "*";
        String a2 = f.length > 1 ? f[1] : "*";
        String a3 = f.length > 2 ? f[2] : "*";
        String a4 = f.length > 3 ? String.join(":", java.util.Arrays.copyOfRange(f, 3, f.length)) : "*";
        return "arn:" + partition + ":" + a1 + ":" + a2 + ":" + a3 + ":" + a4;
    }

    /** IAM's legacy parser: an ARN with an empty service, or with "::" yet fewer than six fields, fails. */
    private static void legacy(Context ctx, Item r) {
        String s = r.value();
        long colons = s.chars().filter(ch -> ch == ':').count();
        String[] f = s.split(":", -1);
        boolean shortWithEmptyField = colons < 5 && s.contains("::");
        boolean noService = f.length < 3 || f[2].isEmpty();
        if (shortWithEmptyField || noService) {
            ctx.add(Issue.LEGACY_RESOURCE, r.path(), r.span());
        }
    }

    /** Access Analyzer "Redundant resource": an ARN that another ARN of the same element already matches. */
    private static void redundant(Context ctx, List<Item> resources) {
        for (int i = 0; i < resources.size(); i++) {
            Item a = resources.get(i);
            for (int j = 0; j < resources.size(); j++) {
                Item b = resources.get(j);
                if (i == j || !Wildcards.matches(b.value(), a.value(), false)) {
                    continue;
                }
                if (!b.value().equals(a.value()) || j < i) {
                    ctx.add(Issue.REDUNDANT_RESOURCE, a.path(), a.span(), a.value());
                    break;
                }
            }
        }
    }
}
