package io.sigil.iam.reference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableResourceTest {

    @Test
    void records_leaveOutBlankAndCommentLines_andReadUtf8_inTheirOrder() {
        assertThat(TableResource.records(TableResourceTest.class, "table-resource-sample.tsv"))
                .containsExactly("first\trecord", "second\tr\u00e9cord");
    }

    @Test
    void aMissingTable_isABrokenBuild_namedInTheException() {
        assertThatThrownBy(() -> TableResource.records(TableResourceTest.class, "no-such-table.tsv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-table.tsv");
    }

    @Test
    void recordsIfPresent_isEmptyForAMissingTable_andTheRecordsOtherwise() {
        assertThat(TableResource.recordsIfPresent(TableResourceTest.class, "no-such-table.tsv")).isEmpty();
        assertThat(TableResource.recordsIfPresent(TableResourceTest.class, "table-resource-sample.tsv"))
                .contains(List.of("first\trecord", "second\tr\u00e9cord"));
    }
}
