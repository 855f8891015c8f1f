package io.sigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.Limits;
import io.sigil.server.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sigil serve --quota NAME=VALUE}: AWS's defaults unless set, every named quota settable, bad input refused. */
class ServeQuotaOptionTest {

    @Test
    void noQuotaOption_keepsAwsDefaults() {
        assertThat(ServeCommand.quotas(List.of())).isEqualTo(Limits.AWS_DEFAULTS);
    }

    @Test
    void eachNamedQuota_isSetByItsName_andTheLastSettingOfANameWins() {
        for (String name : Limits.NAMES) {
            Limits set = ServeCommand.quotas(List.of(name + "=7"));
            assertThat(set.byName()).containsEntry(name, 7);
            assertThat(set.byName().entrySet()).filteredOn(e -> !e.getKey().equals(name))
                    .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(Limits.AWS_DEFAULTS.byName().get(e.getKey())));
        }
        Limits twice = ServeCommand.quotas(List.of("UsersPerAccount=3", "GroupsPerUser=2", "UsersPerAccount=4"));
        assertThat(twice.usersPerAccount()).isEqualTo(4);
        assertThat(twice.groupsPerUser()).isEqualTo(2);
    }

    @Test
    void unknownQuotaName_isRefused_listingTheValidNames() {
        assertThatThrownBy(() -> ServeCommand.quotas(List.of("UsersPerAcount=3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown quota 'UsersPerAcount'; valid quotas: " + String.join(", ", Limits.NAMES));
    }

    @Test
    void valuesThatAreNotAWholeNumberOfAtLeastOne_areRefused() {
        for (String bad : List.of("UsersPerAccount=0", "UsersPerAccount=-1", "UsersPerAccount=ten",
                "UsersPerAccount=", "UsersPerAccount=1.5")) {
            assertThatThrownBy(() -> ServeCommand.quotas(List.of(bad))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("UsersPerAccount takes a whole number of at least 1");
        }
        assertThatThrownBy(() -> ServeCommand.quotas(List.of("UsersPerAccount"))).hasMessage(
                "expected NAME=VALUE, got 'UsersPerAccount'");
    }

    @Test
    void serve_withABadQuota_exitsWithUsageErrorBeforeStarting_andSaysWhy() {
        Cli r = Cli.run("serve", "--ephemeral", "--quota", "Bogus=1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("sigil: --quota: unknown quota 'Bogus'; valid quotas: UsersPerAccount,");
    }

    @Test
    void serve_readByTheColdStartFastPath_withABadQuota_alsoExitsWithUsageError() throws Exception {
        ServeCommand fast = ServeArgs.parse(new String[] {"serve", "--ephemeral", "--quota", "Bogus=1"})
                .orElseThrow();

        assertThat(fast.quotas).containsExactly("Bogus=1");
        assertThat(fast.call()).isEqualTo(2);
    }

    @Test
    void serveHelp_documentsTheQuotaOption() {
        Cli r = Cli.run("serve", "--help");

        assertThat(r.out()).contains("--quota=NAME=VALUE").contains("InstanceProfilesPerAccount");
    }
}
