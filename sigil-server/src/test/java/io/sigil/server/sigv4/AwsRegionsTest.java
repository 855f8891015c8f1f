package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The aws partition's regions found by the partition's pattern are those whose SDK metadata names the partition. */
class AwsRegionsTest {

    @Test
    void partitionRegions_areTheRegionsWhoseMetadataNamesTheAwsPartition_andAwsGlobal() {
        List<String> byMetadata = Region.regions().stream()
                .filter(r -> r.equals(Region.AWS_GLOBAL) || inAwsPartition(RegionMetadata.of(r)))
                .map(Region::id)
                .sorted()
                .toList();

        assertThat(AwsRegions.partitionRegions()).hasSizeGreaterThan(30).isEqualTo(byMetadata);
    }

    private static boolean inAwsPartition(RegionMetadata m) {
        return m != null && m.partition() != null && "aws".equals(m.partition().id());
    }
}
