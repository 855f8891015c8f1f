package io.sigil.policy.internal.validation;

import io.sigil.policy.SourceSpan;
import io.sigil.policy.reference.ConditionKeyInfo;
import io.sigil.policy.reference.KeyType;
import io.sigil.policy.reference.ReferenceData;

import java.util.Locale;
import java.util.Set;

/**
 * Condition keys (IAM User Guide, "AWS global condition context keys"; Service Authorization Reference, condition
 * key tables): whether the key exists, whether the operator suits its type, and whether multivalued keys carry a
 * set qualifier. Key names are case-insensitive, so {@code aws:SourceIP} is {@code aws:SourceIp}. IAM accepts any
 * key; these are Access Analyzer's checks, reported as warnings.
 */
final class KeyChecks {
    /** Keys present in every request ("This key is always included in the request context"). */
    private static final Set<String> ALWAYS_PRESENT = Set.of("aws:currenttime", "aws:epochtime", "aws:principalarn",
            "aws:principalaccount", "aws:principaltype", "aws:securetransport", "aws:userid", "aws:viaawsservice",
            "aws:principalisawsservice");
    private static final Set<String> TAG_BASES = Set.of("aws:requesttag", "aws:resourcetag", "aws:principaltag");

    private KeyChecks() {}

    static void check(Context ctx, OperatorName op, Item key, int valueCount) {
        String name = key.value();
        String lower = name.toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        if (colon <= 0) {
            ctx.add(Issue.INVALID_CONDITION_KEY_FORMAT, key.path(), key.span());
            return;
        }
        if (lower.equals("aws:arn")) {
            ctx.add(Issue.DEPRECATED_GLOBAL_CONDITION_KEY, key.path(), key.span());
            return;
        }
        ReferenceData ref = ctx.reference();
        ConditionKeyInfo info = ref.conditionKey(name);
        if (info == null) {
            unknown(ctx, ref, key, name.substring(0, colon));
            return;
        }
        if (ALWAYS_PRESENT.contains(lower) && op.ifExists()) {
            ctx.add(Issue.IF_EXISTS_ON_ALWAYS_PRESENT_KEY, key.path(), key.span(), info.name());
        }
        if (op.family() == OperatorName.Family.NULL || op.family() == OperatorName.Family.BINARY) {
            return;
        }
        KeyType element = info.type().element();
        if (!suits(op.family(), element)) {
            ctx.add(Issue.TYPE_MISMATCH, key.path(), key.span(), familyOf(element).typeName(), op.text(), name);
        }
        if (info.type().multiValued() && op.qualifier() == OperatorName.Qualifier.NONE) {
            ctx.add(Issue.MISSING_QUALIFIER, key.path(), key.span(), name);
        }
        if (!info.type().multiValued() && op.qualifier() == OperatorName.Qualifier.FOR_ALL_VALUES) {
            ctx.add(Issue.FORALLVALUES_WITH_SINGLE_VALUED_KEY, key.path(), key.span(), name);
        }
    }

    private static void unknown(Context ctx, ReferenceData ref, Item key, String vendor) {
        String lower = key.value().toLowerCase(Locale.ROOT);
        if (vendor.equalsIgnoreCase("aws")) {
            String base = lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
            if (TAG_BASES.contains(base)) {
                String written = key.value().substring(0, base.length());
                ctx.add(Issue.MISSING_TAG_KEY_IN_CONDITION, key.path(), key.span(), written + "/");
            } else {
                ctx.add(Issue.INVALID_GLOBAL_CONDITION_KEY, key.path(), key.span(), key.value());
            }
        } else if (vendor.contains(".") || vendor.contains("/")) {
            // Keys of identity providers (accounts.google.com:aud, an OIDC provider URL): any provider may appear.
            return;
        } else if (ref.service(vendor) != null || ref.isKeyVendor(vendor)) {
            ctx.add(Issue.INVALID_SERVICE_CONDITION_KEY, key.path(), key.span(), key.value(), vendor);
        } else {
            ctx.add(Issue.INVALID_SERVICE, key.path(), key.span(), vendor);
        }
    }

    /**
     * Which operator families suit a key type. String operators also read ARN keys, and Numeric operators read
     * Date keys given as epoch seconds ({@code aws:EpochTime}: "use with date or numeric condition operators").
     */
    private static boolean suits(OperatorName.Family f, KeyType t) {
        switch (t) {
            case STRING: return f == OperatorName.Family.STRING;
            case ARN: return f == OperatorName.Family.ARN || f == OperatorName.Family.STRING;
            case NUMERIC: return f == OperatorName.Family.NUMERIC;
            case DATE: return f == OperatorName.Family.DATE || f == OperatorName.Family.NUMERIC;
            case BOOL: return f == OperatorName.Family.BOOL;
            case IP_ADDRESS: return f == OperatorName.Family.IP_ADDRESS;
            default: return true;
        }
    }

    private static OperatorName.Family familyOf(KeyType t) {
        switch (t) {
            case ARN: return OperatorName.Family.ARN;
            case NUMERIC: return OperatorName.Family.NUMERIC;
            case DATE: return OperatorName.Family.DATE;
            case BOOL: return OperatorName.Family.BOOL;
            case IP_ADDRESS: return OperatorName.Family.IP_ADDRESS;
            default: return OperatorName.Family.STRING;
        }
    }

    /** Access Analyzer "Missing paired condition keys": aws:VpcSourceIp is meant to be paired with aws:SourceVpc. */
    static void paired(Context ctx, Set<String> keys, String path, SourceSpan span) {
        if (keys.contains("aws:vpcsourceip") && !keys.contains("aws:sourcevpc")) {
            ctx.add(Issue.MISSING_PAIRED_CONDITION_KEYS, path, span, "aws:VpcSourceIp", "aws:SourceVpc");
        }
    }
}
