package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.iam.store.Store;
import io.sigil.policy.Caller;
import io.sigil.policy.ContextKeys;
import io.sigil.policy.ContextValue;
import io.sigil.policy.ParseResult;
import io.sigil.policy.Policy;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicyType;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.iam.SimulationPolicies.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * The IAM policy simulator (IAM API Reference: SimulateCustomPolicy, SimulatePrincipalPolicy,
 * GetContextKeysForCustomPolicy, GetContextKeysForPrincipalPolicy; IAM User Guide, "Testing IAM policies with the
 * IAM policy simulator"). Simulations run the engine that enforces every call; nothing is stored or changed.
 */
public final class SimulatorApi implements ApiModule {

    /**
     * ResourceHandlingOption scenarios and the EC2 resource types each needs among ResourceArns (IAM API Reference,
     * "SimulatePrincipalPolicy": "you enable the policy simulator to enforce the presence of the required resources").
     */
    private static final Map<String, List<String>> SCENARIOS = Map.of(
            "EC2-Classic-InstanceStore", List.of("instance", "image", "security-group"),
            "EC2-Classic-EBS", List.of("instance", "image", "security-group", "volume"),
            "EC2-VPC-InstanceStore", List.of("instance", "image", "security-group", "network-interface"),
            "EC2-VPC-InstanceStore-Subnet", List.of("instance", "image", "security-group", "network-interface",
                    "subnet"),
            "EC2-VPC-EBS", List.of("instance", "image", "security-group", "network-interface", "volume"),
            "EC2-VPC-EBS-Subnet", List.of("instance", "image", "security-group", "network-interface", "subnet",
                    "volume"));
    /** An action name with its service prefix; the simulator takes no wildcards in ActionNames. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*:[A-Za-z0-9_.-]+");
    /** CallerArn: "You can specify only the ARN of an IAM user". */
    private static final Pattern USER_ARN = Pattern.compile("arn:aws:iam::\\d{12}:user(?:/[^/]+)*/[^/]+");
    private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws:iam::(\\d{12}):root");
    private static final int DEFAULT_MAX_ITEMS = 100;

    private final Store store;

    public SimulatorApi(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(SimulateCustomPolicyRequest.class, this::simulateCustom)
                .on(SimulatePrincipalPolicyRequest.class, this::simulatePrincipal)
                .on(GetContextKeysForCustomPolicyRequest.class, (r, call) ->
                        GetContextKeysForCustomPolicyResponse.builder()
                                .contextKeyNames(keysOf(r.policyInputList(), List.of())).build())
                .on(GetContextKeysForPrincipalPolicyRequest.class, (r, call) -> {
                    SimulationPolicies.Principal p = store.read(tx ->
                            SimulationPolicies.load(tx, call.accountId(), r.policySourceArn()));
                    return GetContextKeysForPrincipalPolicyResponse.builder()
                            .contextKeyNames(keysOf(r.policyInputList(), p.identity())).build();
                });
    }

    private SimulateCustomPolicyResponse simulateCustom(SimulateCustomPolicyRequest r, CallContext call) {
        // "CallerArn is required if you include a ResourcePolicy so that the policy's Principal element has a value
        // to use in evaluating the policy" (SimulateCustomPolicy).
        if (r.resourcePolicy() != null && r.callerArn() == null) {
            throw IamException.invalidInput("CallerArn is required when a ResourcePolicy is simulated.");
        }
        Caller caller = r.callerArn() != null ? callerOf(r.callerArn()) : unnamedUser(call.accountId());
        List<Source> identity = submitted(r.policyInputList(), "PolicyInputList", PolicyType.IDENTITY);
        List<Source> boundary = r.hasPermissionsBoundaryPolicyInputList()
                && !r.permissionsBoundaryPolicyInputList().isEmpty()
                ? submitted(r.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList",
                        PolicyType.PERMISSIONS_BOUNDARY)
                : null;
        Page page = page(run(identity, boundary, r.resourcePolicy(), caller, r.resourceOwner(), r.actionNames(),
                r.resourceArns(), r.resourceHandlingOption(), r.contextEntries(), organization(r)), r.marker(),
                r.maxItems());
        return SimulateCustomPolicyResponse.builder().evaluationResults(page.results).isTruncated(page.truncated)
                .marker(page.marker).build();
    }

    private SimulatePrincipalPolicyResponse simulatePrincipal(SimulatePrincipalPolicyRequest r, CallContext call) {
        SimulationPolicies.Principal p = store.read(tx ->
                SimulationPolicies.load(tx, call.accountId(), r.policySourceArn()));
        // "CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the ARN for an IAM
        // user" (SimulatePrincipalPolicy); without one the source user is the caller, a role acts as itself.
        if (r.resourcePolicy() != null && r.callerArn() == null && p.kind() != PolicySourceType.USER) {
            throw IamException.invalidInput(
                    "CallerArn is required when a ResourcePolicy is simulated and PolicySourceArn is not a user.");
        }
        Caller caller = r.callerArn() != null ? callerOf(r.callerArn())
                : p.kind() == PolicySourceType.GROUP ? unnamedUser(call.accountId()) : Caller.parse(p.arn());
        PolicyExclusions exclusions = PolicyExclusions.of(r.hasPolicyExclusionList() ? r.policyExclusionList() : null);
        List<Source> identity = new ArrayList<>(exclusions.keep(p.identity()));
        identity.addAll(submitted(r.policyInputList(), "PolicyInputList", PolicyType.IDENTITY));
        // A boundary given in the request stands in for the entity's own (SimulatePrincipalPolicy,
        // PermissionsBoundaryPolicyInputList: "If you specify a permissions boundary ... it overrides").
        List<Source> boundary = r.hasPermissionsBoundaryPolicyInputList()
                && !r.permissionsBoundaryPolicyInputList().isEmpty()
                ? submitted(r.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList",
                        PolicyType.PERMISSIONS_BOUNDARY)
                : p.boundary() == null || exclusions.excludesBoundary(p.boundary()) ? null : List.of(p.boundary());
        Page page = page(run(identity, boundary, r.resourcePolicy(), caller, r.resourceOwner(), r.actionNames(),
                r.resourceArns(), r.resourceHandlingOption(), r.contextEntries(), null), r.marker(), r.maxItems());
        return SimulatePrincipalPolicyResponse.builder().evaluationResults(page.results).isTruncated(page.truncated)
                .marker(page.marker).build();
    }

    private static List<EvaluationResult> run(List<Source> identity, List<Source> boundary, String resourcePolicy,
                                              Caller caller, String resourceOwner, List<String> actions,
                                              List<String> resources, String scenario, List<ContextEntry> entries,
                                              List<List<Source>> organization) {
        for (String a : actions) {
            if (!ACTION.matcher(a).matches()) {
                throw IamException.invalidInput("Action " + a + " is not in the form service:action;"
                        + " the simulator takes no wildcards in ActionNames.");
            }
        }
        for (String res : resources) {
            if (!res.equals("*") && (!res.startsWith("arn:") || res.split(":", 6).length < 6)) {
                throw IamException.invalidInput("ResourceNames are not in a valid ARN format: " + res + ".");
            }
        }
        if (scenario != null) {
            requireScenarioResources(scenario, resources);
        }
        Source resource = null;
        if (resourcePolicy != null) {
            // A role's trust policy, which has no Resource element, is accepted too: AWS's simulator validates one
            // passed here, then decides the sts:AssumeRole family without it (aws/aws-cli#10314; PolicyEngine).
            if (!Simulation.isValid(resourcePolicy, PolicyType.RESOURCE)
                    && !Simulation.isValid(resourcePolicy, PolicyType.TRUST)) {
                Simulation.requireValid(resourcePolicy, PolicyType.RESOURCE, "ResourcePolicy");
            }
            resource = new Source("ResourcePolicy", PolicySourceType.RESOURCE, resourcePolicy);
        }
        Map<String, ContextValue> context = SimulationContext.of(entries);
        Simulation.Input in = new Simulation.Input(identity, boundary, resource, caller, ownerOf(resourceOwner),
                actions, resources, scenario, context, organization);
        return Simulation.of(in).run();
    }

    private static void requireScenarioResources(String scenario, List<String> resources) {
        List<String> types = SCENARIOS.get(scenario);
        if (types == null) {
            throw IamException.invalidInput("Invalid ResourceHandlingOption " + scenario + ". Valid options: "
                    + String.join(", ", new java.util.TreeSet<>(SCENARIOS.keySet())) + ".");
        }
        List<String> missing = new ArrayList<>();
        for (String type : types) {
            boolean present = resources.stream().anyMatch(r -> r.startsWith("arn:aws:ec2:")
                    && r.split(":", 6).length == 6 && r.split(":", 6)[5].startsWith(type + "/"));
            if (!present) {
                missing.add(type);
            }
        }
        if (!missing.isEmpty()) {
            throw IamException.invalidInput("ResourceHandlingOption " + scenario + " requires ResourceArns of the"
                    + " EC2 resource types " + String.join(", ", types) + "; missing: " + String.join(", ", missing)
                    + ".");
        }
    }

    /**
     * ResourceOwner: "An Amazon Web Services account ID" / "The ARN for an account uses the following syntax:
     * arn:aws:iam::AWS-account-ID:root" (the two operations' references word it differently; both forms are read).
     */
    private static String ownerOf(String owner) {
        if (owner == null) {
            return null;
        }
        var m = ACCOUNT_ROOT.matcher(owner);
        if (m.matches()) {
            return m.group(1);
        }
        if (owner.matches("\\d{12}")) {
            return owner;
        }
        throw IamException.invalidInput("'" + owner + "' is not a valid as a Resource Owner.");
    }

    private static Caller callerOf(String arn) {
        if (!USER_ARN.matcher(arn).matches()) {
            // AWS's text (ScottLogic's blog on simulating a role with a ResourcePolicy, quoting the answer).
            throw IamException.invalidInput("Invalid caller - Caller must be an IAM user in this context.");
        }
        return Caller.parse(arn);
    }

    /**
     * The caller when none is named: an IAM user of the requester's account whose name the simulation does not know,
     * so keys like aws:username stay missing rather than taking an invented value.
     */
    private static Caller unnamedUser(String accountId) {
        return new Caller(Caller.Kind.USER, null, "aws", accountId, null, null);
    }

    /**
     * OrderedOrganizationPolicyInputList: the service control policies of each level of an Organizations hierarchy,
     * "ordered from the organization root down to the account" (IAM API Reference, OrderedOrganizationPolicyType),
     * each checked as an SCP and named by its place, as PolicyInputList's are; null when the request has none.
     */
    private static List<List<Source>> organization(SimulateCustomPolicyRequest r) {
        if (!r.hasOrderedOrganizationPolicyInputList() || r.orderedOrganizationPolicyInputList().isEmpty()) {
            return null;
        }
        List<List<Source>> levels = new ArrayList<>();
        for (int i = 0; i < r.orderedOrganizationPolicyInputList().size(); i++) {
            var level = r.orderedOrganizationPolicyInputList().get(i);
            levels.add(submitted(level.hasServiceControlPolicyInputList() ? level.serviceControlPolicyInputList()
                    : List.of(), "OrderedOrganizationPolicyInputList." + (i + 1) + ".ServiceControlPolicyInputList",
                    PolicyType.SCP));
        }
        return levels;
    }

    /** Submitted policies, each checked, named {@code MEMBER.N} (1-based) with SourcePolicyType none. */
    private static List<Source> submitted(List<String> documents, String member, PolicyType type) {
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Simulation.requireValid(documents.get(i), type, member);
            out.add(new Source(member + "." + (i + 1), PolicySourceType.NONE, documents.get(i)));
        }
        return out;
    }

    /**
     * The keys the policies read (GetContextKeysForCustomPolicy: "the list of all the context keys referenced in
     * the input policies"), stored policies first, each key once.
     */
    private static List<String> keysOf(List<String> submitted, List<Source> stored) {
        List<Policy> policies = new ArrayList<>();
        for (Source s : stored) {
            ParseResult r = PolicyParser.parse(s.document());
            if (r.ok()) {
                policies.add(r.policy());
            }
        }
        for (int i = 0; i < submitted.size(); i++) {
            ParseResult r = PolicyParser.parse(submitted.get(i));
            if (!r.ok()) {
                throw IamException.invalidInput("Invalid policy document in PolicyInputList." + (i + 1) + ": "
                        + r.syntaxError().message());
            }
            policies.add(r.policy());
        }
        return ContextKeys.ofAll(policies);
    }

    private record Page(List<EvaluationResult> results, boolean truncated, String marker) {}

    /** Marker/MaxItems over the results: the marker is the index of the next result. */
    private static Page page(List<EvaluationResult> all, String marker, Integer maxItems) {
        int from = 0;
        if (marker != null) {
            try {
                from = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw IamException.invalidInput("Invalid Marker " + marker + ".");
            }
        }
        int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        int to = (int) Math.min(all.size(), (long) from + max);
        boolean truncated = to < all.size();
        return new Page(all.subList(from, to), truncated, truncated ? Integer.toString(to) : null);
    }
}
