package io.sigil.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite text read as UTF-8 bytes gives what the driver's getString gives, NULL and empty text included. */
class DbTextTest {

    @Test
    void textFromBytes_isWhatGetStringReads_forNullEmptyAsciiAndOddUnicode() throws Exception {
        List<String> values = Arrays.asList(null, "", "alice", "/division_abc/", "ünï", "日本語", "😀 emoji",
                "tab\tnewline\n", "nul\u0000inside", "\uFEFFbom", "a".repeat(5000));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("CREATE TABLE t (i INTEGER, v TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setInt(1, i);
                    ps.setString(2, values.get(i));
                    ps.executeUpdate();
                }
            }
            List<String> byName = new ArrayList<>();
            List<String> byIndex = new ArrayList<>();
            List<String> byDriver = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t ORDER BY i")) {
                while (rs.next()) {
                    byName.add(Db.text(rs, "v"));
                    byIndex.add(Db.text(rs, 1));
                    byDriver.add(rs.getString(1));
                }
            }
            assertThat(byName).isEqualTo(values);
            assertThat(byIndex).isEqualTo(values);
            assertThat(byDriver).isEqualTo(values);
        }
    }
}
