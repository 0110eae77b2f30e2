package dev.adxfed.kql.syntax;

/**
 * {@code cluster('c').database('d')}, one member of an entity group; {@code cluster} is null for
 * {@code database('d')} alone, {@code database} null for {@code cluster('c')} alone. The cluster is as
 * written: compare clusters with {@link dev.adxfed.kql.ClusterEndpoint#normalizeClusterArgument}.
 */
public record EntityReference(String cluster, String database) {}
