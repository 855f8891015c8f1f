package io.sigil.server.sigv4;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.partitionmetadata.AwsPartitionMetadata;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The regions of the {@code aws} partition, as the AWS SDK for Java v2's generated metadata lists them (not typed
 * by hand: a new region arrives with the SDK version), plus {@code aws-global}, the signing region of the global
 * endpoints. Other partitions ({@code aws-cn}, {@code aws-us-gov}, ...) are out: Sigil's ARNs are in the
 * {@code aws} partition, and AWS STS in one partition does not accept credentials scoped to another's regions.
 *
 * <p>A region is in the partition when its id matches the partition's region pattern
 * ({@link AwsPartitionMetadata#regionRegex()}, e.g. {@code us-east-1} but neither {@code us-gov-west-1} nor
 * {@code cn-north-1}). Asking each region's {@code RegionMetadata} for its partition instead gives the same list
 * (AwsRegionsTest compares the two) but initialises the SDK's metadata loader, which builds the endpoint metadata
 * of every AWS service, about 400 classes: ~150 ms of every server start (sigil-bench's ColdStart).
 */
public final class AwsRegions {

    private AwsRegions() {}

    /** Every region id of the {@code aws} partition and {@code aws-global}, sorted. */
    public static List<String> partitionRegions() {
        Pattern partition = Pattern.compile(new AwsPartitionMetadata().regionRegex());
        return Region.regions().stream()
                .filter(r -> r.equals(Region.AWS_GLOBAL) || partition.matcher(r.id()).matches())
                .map(Region::id)
                .sorted()
                .toList();
    }
}
