package io.sigil.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void localeProviders_legacyDataOnJdk17To20_unlessTheUserChose() {
        assertThat(Main.localeProviders(17, null)).isEqualTo("COMPAT");
        assertThat(Main.localeProviders(20, null)).isEqualTo("COMPAT");
        assertThat(Main.localeProviders(17, "CLDR")).isNull();
        assertThat(Main.localeProviders(21, null)).isNull();
        assertThat(Main.localeProviders(25, null)).isNull();
    }

    @Test
    void providerSwap_jceBeforeEc_onJdk17To21_withTheStockListOnly() {
        Map<String, String> swap = Map.of(Main.THIRD_PROVIDER, "SunJCE", Main.FIFTH_PROVIDER, "SunEC");
        assertThat(Main.providerSwap(17, "SunEC", "SunJCE")).isEqualTo(swap);
        assertThat(Main.providerSwap(21, "SunEC", "SunJCE")).isEqualTo(swap);
        assertThat(Main.providerSwap(22, "SunEC", "SunJCE")).isEmpty();
        assertThat(Main.providerSwap(17, "SunPKCS11", "SunJCE")).isEmpty(); // a list of the user's own
        assertThat(Main.providerSwap(17, "SunEC", null)).isEmpty();
    }

    /** The swap keeps every lookup's answer only while the swapped providers offer no algorithm in common. */
    @Test
    void theProvidersTheSwapReorders_offerNoAlgorithmInCommon() {
        List<Set<String>> offered = Stream.of("SunEC", "SunJSSE", "SunJCE").map(Security::getProvider)
                .filter(Objects::nonNull).map(MainTest::algorithms).toList();
        for (int i = 0; i < offered.size(); i++) {
            for (int j = i + 1; j < offered.size(); j++) {
                Set<String> common = new TreeSet<>(offered.get(i));
                common.retainAll(offered.get(j));
                assertThat(common).isEmpty();
            }
        }
    }

    /** TYPE.ALGORITHM of every service of {@code p}, its aliases included, upper case. */
    private static Set<String> algorithms(Provider p) {
        Set<String> names = new TreeSet<>();
        for (Provider.Service s : p.getServices()) {
            names.add((s.getType() + "." + s.getAlgorithm()).toUpperCase(Locale.ROOT));
        }
        for (Object key : p.keySet()) {
            String k = key.toString();
            if (k.startsWith("Alg.Alias.")) {
                names.add(k.substring("Alg.Alias.".length()).toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    @Test
    void help_listsServeAccountAndPolicy() {
        Cli r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil").contains("serve").contains("account").contains("policy");
    }

    @Test
    void policyHelp_listsValidateEvaluateAndTest() {
        Cli r = Cli.run("policy", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil policy").contains("validate").contains("evaluate").contains("test");
    }

    @Test
    void subcommandHelp_statesTheOutputFormatAndExitCodes() {
        Cli r = Cli.run("policy", "validate", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("FILE:LINE:COL: SEVERITY CODE message").contains("Exit codes:");
    }

    @Test
    void noCommand_isAUsageError_withTheUsageOnStderr() {
        Cli r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: sigil");
    }

    @Test
    void version_namesSigil() {
        Cli r = Cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("sigil ");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("something broke");
        }
    }

    @Test
    void internalError_isReportedInOneLineWithoutAStackTrace() {
        CommandLine cli = SigilCommand.commandLine().addSubcommand(new Boom());

        Cli r = Cli.run(cli, "boom");

        assertThat(r.exitCode()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("sigil: internal error: java.lang.IllegalStateException: something broke"
                + System.lineSeparator());
    }
}
