package io.sigil.server.sigv4;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.util.List;

/**
 * The regions of the {@code aws} partition, as the AWS SDK for Java v2's generated partition metadata lists them
 * (not typed by hand: a new region arrives with the SDK version), plus {@code aws-global}, the signing region of the
 * global endpoints. Other partitions ({@code aws-cn}, {@code aws-us-gov}, ...) are out: Sigil's ARNs are in the
 * {@code aws} partition, and AWS STS in one partition does not accept credentials scoped to another's regions.
 */
public final class AwsRegions {
    private static final String PARTITION = "aws";

    private AwsRegions() {}

    /** Every region id of the {@code aws} partition and {@code aws-global}, sorted. */
    public static List<String> partitionRegions() {
        return Region.regions().stream()
                .filter(r -> r.equals(Region.AWS_GLOBAL) || inPartition(r))
                .map(Region::id)
                .sorted()
                .toList();
    }

    private static boolean inPartition(Region r) {
        RegionMetadata m = RegionMetadata.of(r);
        return m != null && m.partition() != null && PARTITION.equals(m.partition().id());
    }
}
