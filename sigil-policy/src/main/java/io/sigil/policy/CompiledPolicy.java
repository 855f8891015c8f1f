package io.sigil.policy;

import io.sigil.policy.internal.CompiledStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy compiled for evaluation, under a name used in explanations (a policy ARN, "user/alice inline p1", ...)
 * and a type. Compile once and reuse: compiling is the costly part, evaluating is cheap.
 */
public final class CompiledPolicy {
    private final Policy policy;
    private final String name;
    private final PolicyType type;
    private final List<CompiledStatement> statements;

    private CompiledPolicy(Policy policy, String name, PolicyType type) {
        this.policy = policy;
        this.name = name;
        this.type = type;
        List<CompiledStatement> list = new ArrayList<>(policy.statements().size());
        for (Statement s : policy.statements()) {
            StatementRef ref = new StatementRef(type, name, s.index(), s.sid(), s.effect(), s.span());
            list.add(new CompiledStatement(ref, s, policy.variablesEnabled()));
        }
        this.statements = List.copyOf(list);
    }

    public static CompiledPolicy compile(Policy policy, String name, PolicyType type) {
        return new CompiledPolicy(policy, name, type);
    }

    /** Parses and compiles; the text must be a JSON object (validate it first to learn what else is wrong). */
    public static CompiledPolicy compile(String text, String name, PolicyType type) {
        return compile(PolicyParser.parseOrThrow(text), name, type);
    }

    public Policy policy() {
        return policy;
    }

    public String name() {
        return name;
    }

    public PolicyType type() {
        return type;
    }

    List<CompiledStatement> statements() {
        return statements;
    }
}
