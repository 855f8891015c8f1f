package io.sigil.server.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Checks a decoded request against the generated constraint table and words each violation as AWS does:
 *
 * <pre>
 * Value at 'userName' failed to satisfy constraint: Member must not be null
 * Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+
 * Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000
 * Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression ...
 * Value null at 'roleArn' failed to satisfy constraint: Member must not be null
 * </pre>
 *
 * <p>IAM names no value, STS quotes it ({@link #quotesValues}); neither quotes a sensitive member ("Value at").
 *
 * <p>Member paths are the wire names with a lower-case first letter ({@code userName}, {@code sAMLAssertion});
 * list elements are {@code tags.1.member.key}. Sensitive members and structures are not quoted ("Value at").
 * Per member the checks run in the order length, pattern, enum, range; the request's members come in AWS's order
 * ({@link #violations}). Lengths count Unicode code points (Smithy {@code @length}).
 * {@link ProtocolException#validationError} joins the messages into "N validation error(s) detected: …; …".
 */
public final class RequestValidator {
    private static final String PATTERN = "Member must satisfy regular expression pattern: ";
    private final ConstraintTable table;

    RequestValidator(ConstraintTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The validator over the constraint table shipped with Sigil. */
    public static RequestValidator standard() {
        return new RequestValidator(ConstraintTable.load());
    }

    /** Throws {@code ValidationError} if {@code request} breaks a constraint of {@code operation}. */
    public void validate(Operation operation, SdkPojo request) {
        List<String> violations = violations(operation, request);
        if (violations.isEmpty()) {
            return;
        }
        // Where IAM words a member's violations its own way (CreateAccountAlias; a Path's pattern), its text replaces
        // the generic one.
        Optional<ConstraintTable.Wording> own = table.wording(operation.service(), operation.name());
        if (own.isPresent()) {
            String at = " at '" + lowerFirst(own.get().member()) + "' ";
            if (violations.stream().allMatch(v -> v.contains(at)
                    && (!own.get().patternOnly() || v.contains(PATTERN)))) {
                throw new ProtocolException(new AwsError("ValidationError", 400, Fault.SENDER, own.get().message()));
            }
        }
        throw ProtocolException.validationError(violations);
    }

    /**
     * Every constraint violation of {@code request}, in AWS's words and order; empty when it is valid.
     *
     * <p>AWS lists the request's members in the iteration order of a {@code java.util.HashMap} keyed by their names
     * (its service framework is Java), not in the model's order: UpdateAccountPasswordPolicy answered
     * "minimumPasswordLength; passwordReusePrevention; maxPasswordAge" and CreateOpenIDConnectProvider "clientIDList;
     * thumbprintList; url" in LocalStack's AWS-validated snapshots (2026), each that map's order and neither the
     * model's nor the alphabet's. So the violations are gathered per member in such a map, sized as for all the
     * request's members; a member's own violations keep their order (length, pattern, enum, range).
     */
    public List<String> violations(Operation operation, SdkPojo request) {
        Optional<ConstraintShape> input = table.inputOf(operation.service(), operation.name());
        if (input.isEmpty()) {
            return List.of();
        }
        boolean quote = quotesValues(operation);
        List<String> out = new ArrayList<>();
        checkStructure(input.get(), request, "", quote, out);
        if (out.size() < 2) {
            return out; // the valid request, every call's path, takes no map
        }
        Map<String, List<String>> byMember = new HashMap<>();
        for (ConstraintShape.Member member : input.get().members()) {
            byMember.put(lowerFirst(member.wireName()), new ArrayList<>());
        }
        for (ConstraintShape.Member member : input.get().members()) {
            checkMember(member, request, "", quote, byMember.get(lowerFirst(member.wireName())));
        }
        List<String> ordered = new ArrayList<>(out.size());
        byMember.values().forEach(ordered::addAll);
        return ordered;
    }

    /**
     * Whether the messages quote the offending value. IAM no longer does: every violation it answered in LocalStack's
     * AWS-validated snapshots (recorded 2025-2026: tags, tagKeys, versionId, serviceSpecificCredentialId, status,
     * path, url, clientIDList, thumbprintList, password policy values) reads "Value at 'member' failed to satisfy
     * constraint: ...". STS still does, as its answers quoted in clients' issues and documentation show ("Value '100'
     * at 'durationSeconds' ...", "Value 'bad name' at 'roleSessionName' ..."). A missing member follows suit: IAM
     * "Value at 'userName' ... Member must not be null" (a case the snapshots do not show), STS "Value null at".
     */
    static boolean quotesValues(Operation operation) {
        return operation.service() != AwsService.IAM;
    }

    private void checkStructure(ConstraintShape shape, SdkPojo pojo, String prefix, boolean quote,
                                List<String> out) {
        for (ConstraintShape.Member member : shape.members()) {
            checkMember(member, pojo, prefix, quote, out);
        }
    }

    private void checkMember(ConstraintShape.Member member, SdkPojo pojo, String prefix, boolean quote,
                             List<String> out) {
        SdkField<?> field = fieldNamed(pojo, member.wireName());
        if (field == null) {
            return; // a member the SDK on the class path does not have
        }
        Object value = field.getValueOrDefault(pojo);
        String path = prefix + lowerFirst(member.wireName());
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            if (member.required()) {
                out.add((quote ? "Value null at '" : "Value at '") + path
                        + "' failed to satisfy constraint: Member must not be null");
            }
            return;
        }
        checkValue(table.shape(member.target()), value, path, quote, out);
    }

    private void checkValue(ConstraintShape shape, Object value, String path, boolean quote, List<String> out) {
        switch (shape.type()) {
            case "string" -> checkString(shape, (String) value, path, quote, out);
            case "integer", "long", "double", "float" -> checkRange(shape, (Number) value, path, quote, out);
            case "list" -> checkList(shape, (List<?>) value, path, quote, out);
            case "structure" -> checkStructure(shape, (SdkPojo) value, path + ".", quote, out);
            default -> {
                // boolean, timestamp, blob: nothing to check
            }
        }
    }

    private void checkString(ConstraintShape shape, String value, String path, boolean quote, List<String> out) {
        String at = subject(shape, quote ? "'" + value + "'" : null, path);
        long length = value.codePointCount(0, value.length());
        checkLength(shape, length, at, out);
        Pattern pattern = shape.pattern();
        if (pattern != null && !pattern.matcher(value).matches()) {
            out.add(at + PATTERN + shape.patternText());
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(value)) {
            out.add(at + "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]");
        }
    }

    /**
     * A list's own length, then its elements. Structures are checked member by member ({@code tags.2.member.key});
     * a list of scalars is named as a whole, with every constraint of its members, as AWS words it: "Value '[...]'
     * at 'actionNames' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less
     * than or equal to 128, Member must have length greater than or equal to 3]" (a SimulatePrincipalPolicy answer,
     * quoted in cloud-custodian/cloud-custodian#4769).
     */
    private void checkList(ConstraintShape shape, List<?> list, String path, boolean quote, List<String> out) {
        ConstraintShape element = table.shape(shape.listMember());
        boolean scalars = !element.type().equals("structure");
        String at = subject(shape, scalars && quote ? "'" + list + "'" : null, path);
        checkLength(shape, list.size(), at, out);
        if (!scalars) {
            for (int i = 0; i < list.size(); i++) {
                checkValue(element, list.get(i), path + "." + (i + 1) + ".member", quote, out);
            }
            return;
        }
        List<String> broken = new ArrayList<>();
        for (Object value : list) {
            checkValue(element, value, path, quote, broken);
        }
        if (!broken.isEmpty()) {
            out.add(at + "Member must satisfy constraint: [" + String.join(", ", constraintsOf(element)) + "]");
        }
    }

    /** Every constraint of a scalar shape, in the order AWS lists them: length (max, min), pattern, enum, range. */
    private static List<String> constraintsOf(ConstraintShape shape) {
        List<String> out = new ArrayList<>();
        boolean string = shape.type().equals("string");
        String measure = string ? "length" : "value";
        if (shape.max() != null) {
            out.add("Member must have " + measure + " less than or equal to " + shape.max());
        }
        if (shape.min() != null) {
            out.add("Member must have " + measure + " greater than or equal to " + shape.min());
        }
        if (string && shape.pattern() != null) {
            out.add(PATTERN + shape.patternText());
        }
        if (string && !shape.enumValues().isEmpty()) {
            out.add("Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]");
        }
        return out;
    }

    private static void checkLength(ConstraintShape shape, long length, String at, List<String> out) {
        if (shape.min() != null && length < shape.min()) {
            out.add(at + "Member must have length greater than or equal to " + shape.min());
        }
        if (shape.max() != null && length > shape.max()) {
            out.add(at + "Member must have length less than or equal to " + shape.max());
        }
    }

    private static void checkRange(ConstraintShape shape, Number value, String path, boolean quote,
                                   List<String> out) {
        String at = subject(shape, quote ? "'" + value + "'" : null, path);
        if (shape.min() != null && value.doubleValue() < shape.min()) {
            out.add(at + "Member must have value greater than or equal to " + shape.min());
        }
        if (shape.max() != null && value.doubleValue() > shape.max()) {
            out.add(at + "Member must have value less than or equal to " + shape.max());
        }
    }

    /**
     * "Value 'x' at 'path' failed to satisfy constraint: ", or without the value (null {@code quotedValue}: IAM, a
     * list of structures) and for sensitive members.
     */
    private static String subject(ConstraintShape shape, String quotedValue, String path) {
        String value = shape.sensitive() || quotedValue == null ? "" : " " + quotedValue;
        return "Value" + value + " at '" + path + "' failed to satisfy constraint: ";
    }

    private static SdkField<?> fieldNamed(SdkPojo pojo, String wireName) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (wireName.equals(field.locationName())) {
                return field;
            }
        }
        return null;
    }

    /** AWS names members in messages by their wire name with the first letter in lower case. */
    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
