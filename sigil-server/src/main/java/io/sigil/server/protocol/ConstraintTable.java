package io.sigil.server.protocol;

import io.sigil.iam.reference.TableResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request constraints of every IAM and STS operation and the modeled error codes, loaded from the
 * generated resource {@code constraints.tsv} (botocore service models; format and provenance in
 * {@code scripts/generate-constraints.py} and {@code NOTICE-constraints.txt}), then {@code
 * constraints-supplement.tsv}: the operations and members AWS added after that botocore, from the API Reference.
 */
final class ConstraintTable {
    static final String RESOURCE = "constraints.tsv";
    static final String SUPPLEMENT = "constraints-supplement.tsv";

    private final Map<String, String> inputShapes;
    /** Per service, the operations with an output shape (no string built per response to look one up). */
    private final Map<AwsService, Set<String>> resultWrapped;
    private final Map<String, ConstraintShape> shapes;
    private final Map<String, ModeledError> errors;
    private final Map<String, Wording> wordings;

    /**
     * IAM's own text for the violations of one top-level member of an operation, answered instead of the generic
     * "N validation errors detected" when every violation is at that member (record {@code W}), or when every
     * violation is that member's pattern (record {@code P}: a Path too long keeps the generic text).
     *
     * @param member      the member's wire name, e.g. {@code AccountAlias}
     * @param patternOnly whether only pattern violations get the text
     */
    record Wording(String member, String message, boolean patternOnly) {
    }

    private ConstraintTable(Map<String, String> inputShapes, Map<AwsService, Set<String>> resultWrapped,
                            Map<String, ConstraintShape> shapes, Map<String, ModeledError> errors,
                            Map<String, Wording> wordings) {
        this.inputShapes = Map.copyOf(inputShapes);
        this.resultWrapped = new EnumMap<>(AwsService.class);
        resultWrapped.forEach((service, names) -> this.resultWrapped.put(service, Set.copyOf(names)));
        this.shapes = Map.copyOf(shapes);
        this.errors = Map.copyOf(errors);
        this.wordings = Map.copyOf(wordings);
    }

    /** The table shipped with Sigil: the generated records, then the supplement's. */
    static ConstraintTable load() {
        List<String> lines = new ArrayList<>(lines(RESOURCE));
        lines.addAll(lines(SUPPLEMENT));
        return parse(lines);
    }

    static List<String> lines(String resource) {
        return TableResource.records(ConstraintTable.class, resource);
    }

    /**
     * The table of these records. An operation or shape given twice is refused, so that a supplement record that a
     * regenerated table has come to cover is noticed (the first test that loads it fails); a structure member given
     * twice is left to ConstraintTableTest, since checking each of ~1,000 at every start costs the start time.
     */
    static ConstraintTable parse(List<String> lines) {
        Map<String, String> inputs = new HashMap<>();
        Map<AwsService, Set<String>> wrapped = new EnumMap<>(AwsService.class);
        Map<String, ConstraintShape> shapes = new LinkedHashMap<>();
        Map<String, ModeledError> errors = new HashMap<>();
        Map<String, Wording> wordings = new HashMap<>();
        for (String line : lines) { // records only: TableResource leaves out comments and blank lines
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "O" -> {
                    once(inputs.put(f[1] + ":" + f[2], f[3]) == null, line);
                    if (!f[4].equals("-")) {
                        wrapped.computeIfAbsent(AwsService.forId(f[1]).orElseThrow(), k -> new HashSet<>()).add(f[2]);
                    }
                }
                case "S" -> once(shapes.put(f[1], shape(f)) == null, line);
                case "M" -> shapes.computeIfPresent(f[1], (name, shape) -> shape.withMember(
                        new ConstraintShape.Member(f[2], f[3], f.length > 4 && f[4].equals("required"))));
                case "E" -> errors.put(f[1] + ":" + f[2], new ModeledError(AwsService.forId(f[1]).orElseThrow(),
                        f[2], Integer.parseInt(f[3]), f[4].equals("Sender") ? Fault.SENDER : Fault.RECEIVER));
                case "W", "P" -> once(wordings.put(f[1] + ":" + f[2], new Wording(f[3], f[4], f[0].equals("P")))
                        == null, line);
                default -> throw new IllegalStateException("unknown record in " + RESOURCE + " or " + SUPPLEMENT + ": "
                        + line);
            }
        }
        return new ConstraintTable(inputs, wrapped, shapes, errors, wordings);
    }

    private static void once(boolean first, String line) {
        if (!first) {
            throw new IllegalStateException("given twice in " + RESOURCE + " and " + SUPPLEMENT + ": " + line);
        }
    }

    private static ConstraintShape shape(String[] f) {
        Long min = null;
        Long max = null;
        String pattern = null;
        String member = null;
        List<String> enumValues = List.of();
        boolean sensitive = false;
        for (int i = 3; i < f.length; i++) {
            String attribute = f[i];
            int eq = attribute.indexOf('=');
            String key = eq < 0 ? attribute : attribute.substring(0, eq);
            String value = eq < 0 ? "" : attribute.substring(eq + 1);
            switch (key) {
                case "min" -> min = Long.valueOf(value);
                case "max" -> max = Long.valueOf(value);
                case "pattern" -> pattern = value;
                case "enum" -> enumValues = Arrays.asList(value.split("\\|", -1));
                case "member" -> member = value;
                case "sensitive" -> sensitive = true;
                default -> throw new IllegalStateException("unknown attribute " + key + " of shape " + f[1]);
            }
        }
        return new ConstraintShape(f[1], f[2], min, max, pattern, enumValues, member, sensitive, new ArrayList<>());
    }

    /** The input shape of {@code operation}, if the model source knows the operation. */
    Optional<ConstraintShape> inputOf(AwsService service, String operation) {
        String input = inputShapes.get(service.id() + ":" + operation);
        return input == null || input.equals("-") ? Optional.empty() : Optional.of(shape(input));
    }

    /**
     * Whether the model gives {@code operation} an output shape, whose members a response wraps in
     * {@code <OperationResult>}: then AWS writes that element even when the shape has no members (UpdateRole's
     * {@code <UpdateRoleResult/>}, which the AWS SDK for Go v2 requires), and leaves it out for an operation
     * without output (DeleteUser).
     */
    boolean hasResult(AwsService service, String operation) {
        return resultWrapped.getOrDefault(service, Set.of()).contains(operation);
    }

    /** IAM's own wording for a member of {@code operation}, if the table has one. */
    Optional<Wording> wording(AwsService service, String operation) {
        return Optional.ofNullable(wordings.get(service.id() + ":" + operation));
    }

    /** The operations the table has, as {@code service:Operation}. */
    Set<String> operations() {
        return inputShapes.keySet();
    }

    boolean knowsOperation(AwsService service, String operation) {
        return inputShapes.containsKey(service.id() + ":" + operation);
    }

    ConstraintShape shape(String name) {
        ConstraintShape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("shape " + name + " missing from " + RESOURCE);
        }
        return shape;
    }

    Iterable<ConstraintShape> shapes() {
        return shapes.values();
    }

    Optional<ModeledError> error(AwsService service, String code) {
        return Optional.ofNullable(errors.get(service.id() + ":" + code));
    }

    List<ModeledError> errors() {
        return List.copyOf(errors.values());
    }
}
