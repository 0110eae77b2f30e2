package dev.adxfed.operator.federation;

/**
 * Partitions with a fresh heartbeat that are not members, by why.
 *
 * @param blocked         listed by blockedClusters (static or the hub function)
 * @param notSelected     partitionSelector is false for them
 * @param metadataMissing their PartitionMetadata lacks a key partitionSelector reads
 */
public record ExcludedPartitions(int blocked, int notSelected, int metadataMissing) {

    public static final ExcludedPartitions NONE = new ExcludedPartitions(0, 0, 0);

    public int total() {
        return blocked + notSelected + metadataMissing;
    }
}
