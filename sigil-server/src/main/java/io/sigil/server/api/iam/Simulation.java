package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.policy.Caller;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.RequestContext;
import io.sigil.policy.SourceSpan;
import io.sigil.policy.StatementRef;
import io.sigil.policy.ValidationReport;
import io.sigil.server.api.iam.SimulationPolicies.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.OrganizationsDecisionDetail;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * One simulation run through the engine that enforces (IAM User Guide, "Testing IAM policies with the IAM policy
 * simulator": the simulator uses "the same policy evaluation engine"), as SimulateCustomPolicy and
 * SimulatePrincipalPolicy answer it (IAM API Reference, "EvaluationResult"): one result per action and resource, its
 * decision, the statements that decided it with their positions in the policy text, the keys the policies read that
 * the request lacked, and whether the permissions boundary allowed it.
 */
final class Simulation {

    /** The key of EvalDecisionDetails for the identity-based side of a cross-account evaluation. */
    static final String IDENTITY_DETAIL = "IAM Policy";
    /** The key of EvalDecisionDetails for the resource-based side. */
    static final String RESOURCE_DETAIL = "Resource Policy";

    /**
     * What to simulate.
     *
     * @param boundary        the permissions boundary policies, or null when none is in force
     * @param resourcePolicy  the resource-based policy, or null
     * @param resourceOwner   the account owning the resources (ResourceOwner), or null: the ARN's, else the caller's
     * @param resources       the ResourceArns; empty for the default {@code *}
     * @param scenario        the ResourceHandlingOption, or null: each action is then simulated on each resource
     * @param organization    the service control policies of each level of an Organizations hierarchy, root
     *                        first (OrderedOrganizationPolicyInputList), or null when the simulation has none
     */
    record Input(List<Source> identity, List<Source> boundary, Source resourcePolicy, Caller caller,
                 String resourceOwner, List<String> actions, List<String> resources, String scenario,
                 Map<String, ContextValue> context, List<List<Source>> organization) {
        Input {
            identity = List.copyOf(identity);
            boundary = boundary == null ? null : List.copyOf(boundary);
            organization = organization == null ? null : organization.stream().map(List::copyOf).toList();
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    /** An identity-based policy that allows every action, standing in for the identity side. */
    private static final CompiledPolicy ALLOW_ALL = CompiledPolicy.compile(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            "allow-all", PolicyType.IDENTITY);
    /** A resource-based policy that allows anyone every action, standing in for the resource side. */
    private static final CompiledPolicy ALLOW_ANYONE = CompiledPolicy.compile(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                    + "\"Action\":\"*\",\"Resource\":\"*\"}]}", "allow-anyone", PolicyType.RESOURCE);

    /** The simulator's variant of the engine: it decides the sts:AssumeRole family from the identity side alone. */
    private final PolicyEngine engine = PolicyEngine.simulator();
    private final Input in;
    private final List<Source> sources = new ArrayList<>();
    private final PolicySet set;
    private final PolicySet boundaryOnly;
    /** The service control policies with an identity side that allows everything: what they alone decide. */
    private final PolicySet organizationOnly;

    private Simulation(Input in, List<CompiledPolicy> identity, List<CompiledPolicy> boundary,
                       CompiledPolicy resource, List<List<CompiledPolicy>> organization) {
        this.in = in;
        this.set = new PolicySet(identity, boundary, null, resource, organization, null);
        this.boundaryOnly = boundary == null ? null : PolicySet.identityOnly(boundary);
        this.organizationOnly = organization == null ? null
                : new PolicySet(List.of(ALLOW_ALL), null, null, null, organization, null);
    }

    /**
     * Compiles the input's policies. Submitted ones (ids ending in a list index, or ResourcePolicy) were checked by
     * {@link #requireValid}; stored ones were checked when saved, and one that no longer reads grants nothing.
     */
    static Simulation of(Input in) {
        List<Source> all = new ArrayList<>();
        List<CompiledPolicy> identity = compileAll(in.identity(), PolicyType.IDENTITY, all);
        List<CompiledPolicy> boundary = in.boundary() == null ? null
                : compileAll(in.boundary(), PolicyType.PERMISSIONS_BOUNDARY, all);
        CompiledPolicy resource = null;
        if (in.resourcePolicy() != null) {
            List<CompiledPolicy> r = compileAll(List.of(in.resourcePolicy()), PolicyType.RESOURCE, all);
            resource = r.isEmpty() ? null : r.get(0);
        }
        List<List<CompiledPolicy>> organization = null;
        if (in.organization() != null) {
            organization = new ArrayList<>();
            for (List<Source> level : in.organization()) {
                organization.add(compileAll(level, PolicyType.SCP, all));
            }
        }
        Simulation s = new Simulation(in, identity, boundary, resource, organization);
        s.sources.addAll(all);
        return s;
    }

    /** Policies are named by their index in {@code all}, so that a matched statement leads back to its source. */
    private static List<CompiledPolicy> compileAll(List<Source> sources, PolicyType type, List<Source> all) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (Source s : sources) {
            ParseResult r = PolicyParser.parse(s.document());
            if (r.ok()) {
                out.add(CompiledPolicy.compile(r.policy(), Integer.toString(all.size()), type));
                all.add(s);
            }
        }
        return out;
    }

    /**
     * Checks a submitted policy as IAM checks one before storing it, for this policy type; the first error is the
     * message (SimulateCustomPolicy and SimulatePrincipalPolicy model no MalformedPolicyDocument: a policy IAM could
     * not evaluate is an invalid input value).
     */
    static void requireValid(String document, PolicyType type, String member) {
        ValidationReport report = PolicyValidator.validate(document, type);
        if (report.hasErrors()) {
            throw IamException.invalidInput("Invalid policy document in " + member + ": "
                    + report.firstErrorMessage());
        }
    }

    /** Whether IAM would accept {@code document} as a policy of this type. */
    static boolean isValid(String document, PolicyType type) {
        return !PolicyValidator.validate(document, type).hasErrors();
    }

    /**
     * One result per action, in the order of ActionNames (IAM API Reference, "EvaluationResult": "The simulator now
     * returns a single EvaluationResult per action, regardless of how many resource ARNs are provided"): for all
     * resources ({@code *}) the result itself; for listed resources the aggregate of their ResourceSpecificResults.
     */
    List<EvaluationResult> run() {
        List<EvaluationResult> out = new ArrayList<>();
        boolean star = in.resources().isEmpty() || in.resources().equals(List.of("*"));
        for (String action : in.actions()) {
            if (in.scenario() != null) {
                out.add(aggregate(action, in.resources(), "*"));
            } else if (star) {
                out.add(forAllResources(action));
            } else {
                List<String> resources = in.resources();
                out.add(aggregate(action, resources, resources.size() == 1 ? resources.get(0) : "*"));
            }
        }
        return out;
    }

    /**
     * The action on {@code *}: MissingContextValues "is used when the resource in a simulation is "*", either
     * explicitly, or when the ResourceArns parameter blank" (EvaluationResult); no ResourceSpecificResults, and
     * no EvalDecisionDetails within one account.
     */
    private EvaluationResult forAllResources(String action) {
        One one = evaluate(action, "*");
        EvaluationResult.Builder b = EvaluationResult.builder().evalActionName(action).evalResourceName("*")
                .evalDecision(one.decision).matchedStatements(one.matched).missingContextValues(one.missing);
        boundaryDetail(b, one.allowedByBoundary);
        organizationsDetail(b, one.allowedByOrganizations);
        if (one.details != null) {
            b.evalDecisionDetailsWithStrings(one.details);
        }
        return b.build();
    }

    /**
     * The action on listed resources, or on a ResourceHandlingOption scenario's group of resources that one EC2
     * operation acts on together: each resource in ResourceSpecificResults, and at the top "the aggregate decision
     * across all requested resources ... the most restrictive decision across all resources" (IAM API Reference,
     * "EvaluationResult"): an explicit deny on any resource denies, an implicit deny on any leaves it denied. The
     * top level names the resource when there is one, else {@code *} (AWS's documents do not say which it names;
     * a scenario's is {@code *}).
     */
    private EvaluationResult aggregate(String action, List<String> resources, String resourceName) {
        List<One> each = new ArrayList<>();
        for (String resource : resources) {
            each.add(evaluate(action, resource));
        }
        PolicyEvaluationDecisionType overall = PolicyEvaluationDecisionType.ALLOWED;
        for (One one : each) {
            if (rank(one.decision) > rank(overall)) {
                overall = one.decision;
            }
        }
        List<Statement> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Boolean byBoundary = null;
        Boolean byOrganizations = null;
        Map<String, String> details = null;
        for (One one : each) {
            if (one.decision == overall) {
                one.matched.stream().filter(x -> !matched.contains(x)).forEach(matched::add);
            }
            one.missing.stream().filter(k -> !missing.contains(k)).forEach(missing::add);
            byBoundary = allowedByAll(byBoundary, one.allowedByBoundary);
            byOrganizations = allowedByAll(byOrganizations, one.allowedByOrganizations);
            details = mostRestrictive(details, one.details);
        }
        EvaluationResult.Builder b = EvaluationResult.builder().evalActionName(action).evalResourceName(resourceName)
                .evalDecision(overall).matchedStatements(matched).missingContextValues(missing)
                .resourceSpecificResults(each.stream().map(One::resourceResult).toList());
        boundaryDetail(b, byBoundary);
        organizationsDetail(b, byOrganizations);
        if (details != null && in.scenario() == null && !Boolean.FALSE.equals(byOrganizations)) {
            b.evalDecisionDetailsWithStrings(details);
        }
        return b.build();
    }

    /** Whether every resource so far was allowed by a policy type, null while none was decided by it. */
    private static Boolean allowedByAll(Boolean sofar, Boolean next) {
        if (next == null) {
            return sofar; // not unboxed: a conditional expression with a boolean operand would unbox it
        }
        return (sofar == null || sofar) && next;
    }

    /** PermissionsBoundaryDecisionDetail, when the simulation had a permissions boundary. */
    private static void boundaryDetail(EvaluationResult.Builder b, Boolean allowed) {
        if (allowed != null) {
            b.permissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.builder()
                    .allowedByPermissionsBoundary(allowed).build());
        }
    }

    /**
     * OrganizationsDecisionDetail, "Only applies if the simulated user's account is part of an organization"
     * (EvaluationResult): here, when the simulation was given service control policies.
     */
    private static void organizationsDetail(EvaluationResult.Builder b, Boolean allowed) {
        if (allowed != null) {
            b.organizationsDecisionDetail(OrganizationsDecisionDetail.builder().allowedByOrganizations(allowed).build());
        }
    }

    /** Two resources' EvalDecisionDetails as one: each policy type's most restrictive decision. */
    private static Map<String, String> mostRestrictive(Map<String, String> a, Map<String, String> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Map<String, String> out = new LinkedHashMap<>(a);
        b.forEach((type, decision) -> out.merge(type, decision, (x, y) ->
                rank(PolicyEvaluationDecisionType.fromValue(x)) >= rank(PolicyEvaluationDecisionType.fromValue(y))
                        ? x : y));
        return out;
    }

    /** How restrictive a decision is: an explicit deny over an implicit deny over an allow. */
    private static int rank(PolicyEvaluationDecisionType decision) {
        return decision == PolicyEvaluationDecisionType.EXPLICIT_DENY ? 2
                : decision == PolicyEvaluationDecisionType.IMPLICIT_DENY ? 1 : 0;
    }

    /** The simulation of one action on one resource. */
    private final class One {
        final String resource;
        final PolicyEvaluationDecisionType decision;
        final List<Statement> matched = new ArrayList<>();
        final List<String> missing;
        final Boolean allowedByBoundary;
        final Boolean allowedByOrganizations;
        final Map<String, String> details;

        One(String action, String resource) {
            this.resource = resource;
            RequestContext request = new RequestContext(in.caller(), action, resource, in.resourceOwner(),
                    in.context());
            Decision d = engine.explain(request, set);
            decision = decisionOf(d.outcome());
            if (d.outcome() != Outcome.IMPLICIT_DENY) {
                for (StatementRef ref : d.statements()) {
                    Statement s = statement(ref);
                    if (!matched.contains(s)) {
                        matched.add(s);
                    }
                }
            }
            missing = engine.missingKeys(request, set);
            allowedByBoundary = boundaryOnly == null ? null : engine.evaluate(request, boundaryOnly).allowed();
            allowedByOrganizations = organizationOnly == null ? null
                    : engine.evaluate(request, organizationOnly).allowed();
            // "If the simulation evaluates policies within the same account and includes a resource ARN, then the
            // parameter is present but the response is empty ... specifies all resources (*), then the parameter is
            // not returned" (EvaluationResult, EvalDecisionDetails).
            // The sts:AssumeRole family is decided from the identity side alone, so it reads as same-account.
            boolean cross = request.crossAccount() && !PolicyEngine.simulatedFromIdentity(action);
            // "If an AWS Organizations SCP included in the evaluation denies access, the simulation ends ... and
            // this parameter is not returned" (EvaluationResult, EvalDecisionDetails).
            details = Boolean.FALSE.equals(allowedByOrganizations) ? null
                    : cross ? crossAccountDetails(request) : resource.equals("*") ? null : Map.of();
        }

        ResourceSpecificResult resourceResult() {
            ResourceSpecificResult.Builder b = ResourceSpecificResult.builder().evalResourceName(resource)
                    .evalResourceDecision(decision).matchedStatements(matched).missingContextValues(missing);
            if (allowedByBoundary != null) {
                b.permissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.builder()
                        .allowedByPermissionsBoundary(allowedByBoundary).build());
            }
            // "This parameter is returned only for cross-account simulations" (IAM API Reference,
            // "ResourceSpecificResult", EvalDecisionDetails), unlike the EvaluationResult's own.
            if (details != null && !details.isEmpty()) {
                b.evalDecisionDetailsWithStrings(details);
            }
            return b.build();
        }
    }

    private One evaluate(String action, String resource) {
        return new One(action, resource);
    }

    /**
     * How each side decided a cross-account request (IAM API Reference, "EvaluationResult", EvalDecisionDetails:
     * "populated for only cross-account simulations ... a brief summary of how each policy type contributes"; IAM
     * User Guide, "Cross-account policy evaluation logic": both the identity side and the resource-based policy must
     * allow). Each side is what the engine decides when the other side allows everything.
     */
    private Map<String, String> crossAccountDetails(RequestContext request) {
        Map<String, String> out = new LinkedHashMap<>();
        PolicySet identityOnly = new PolicySet(set.identity(), set.boundary(), null, ALLOW_ANYONE, null, null);
        out.put(IDENTITY_DETAIL, decisionOf(engine.evaluate(request, identityOnly).outcome()).toString());
        PolicyEvaluationDecisionType resourceSide = PolicyEvaluationDecisionType.IMPLICIT_DENY;
        if (set.resource() != null) {
            PolicySet resourceOnly = new PolicySet(List.of(ALLOW_ALL), null, null, set.resource(), null, null);
            resourceSide = decisionOf(engine.evaluate(request, resourceOnly).outcome());
        }
        out.put(RESOURCE_DETAIL, resourceSide.toString());
        return out;
    }

    private Statement statement(StatementRef ref) {
        Source source = sources.get(Integer.parseInt(ref.policyName()));
        SourceSpan span = ref.span();
        // Positions are 1-based: the statement's opening brace, and the column just after its closing brace, as
        // AWS answers them. For the one-line document of the AWS CLI's simulate-custom-policy example (its
        // statement's braces at columns 38 and 166 as run) AWS answers StartPosition 38 and EndPosition 167; a
        // Terraform-minified policy whose statement spans columns 15 to 164 gets 15 and 165 (a 2026 run published
        // in github.com/ravikus1457/aws-labs, lab 03's REPORT.md). The span's end is that column already.
        return Statement.builder().sourcePolicyId(source.id()).sourcePolicyType(answeredType(source.type()))
                .startPosition(Position.builder().line(span.line()).column(span.column()).build())
                .endPosition(Position.builder().line(span.endLine()).column(span.endColumn()).build())
                .build();
    }

    /**
     * SourcePolicyType as AWS answers it: "IAM Policy" for every identity-based policy (inline, managed or
     * submitted) and "Resource Policy" for the ResourcePolicy, not the API reference's enum (user, group, role,
     * aws-managed, user-managed, resource, none). Real answers quoted in public: github.com/ravikus1457/aws-labs
     * lab 03's REPORT.md (a customer managed policy of a role, 2026), ScottLogic's blog on automated policy
     * simulator testing (PolicyInputList.1 and ResourcePolicy, 2025), smoketurner/sam-iam-role's sample response;
     * soto-project/soto#230 added the value because "it isn't documented, but is being returned by IAM".
     */
    static String answeredType(PolicySourceType type) {
        return type == PolicySourceType.RESOURCE ? "Resource Policy" : "IAM Policy";
    }

    static PolicyEvaluationDecisionType decisionOf(Outcome o) {
        switch (o) {
            case ALLOW: return PolicyEvaluationDecisionType.ALLOWED;
            case EXPLICIT_DENY: return PolicyEvaluationDecisionType.EXPLICIT_DENY;
            default: return PolicyEvaluationDecisionType.IMPLICIT_DENY;
        }
    }
}
