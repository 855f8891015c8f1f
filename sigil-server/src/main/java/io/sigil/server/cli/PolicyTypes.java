package io.sigil.server.cli;

import io.sigil.policy.PolicyType;
import picocli.CommandLine;

import java.util.List;

/** The {@code --type} values of {@code sigil policy validate}, spelled as {@link PolicyType#fromCli} reads them. */
final class PolicyTypes {
    static final List<String> NAMES = List.of("identity", "resource", "trust", "boundary", "scp", "rcp", "session");

    private PolicyTypes() {}

    /** Lists the names in help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** Turns a name into a type; an unknown name is a usage error that lists the valid ones. */
    static final class Converter implements CommandLine.ITypeConverter<PolicyType> {
        @Override
        public PolicyType convert(String value) {
            try {
                return PolicyType.fromCli(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a policy type; use one of " + String.join(", ", NAMES));
            }
        }
    }
}
