package dev.adxfed.operator.federation;

import java.util.List;

/**
 * Partitions that fell silent but stay members because too many left at once.
 *
 * @param endpoints the partitions kept as members, sorted
 * @param members   how many partitions were members of the hub's groups before the pass
 * @param reason    why they are held, for a person (empty when nothing is held)
 */
public record HeldDepartures(List<String> endpoints, int members, String reason) {

    public static final HeldDepartures NONE = new HeldDepartures(List.of(), 0, "");

    public HeldDepartures {
        endpoints = endpoints.stream().sorted().toList();
    }

    public boolean isEmpty() {
        return endpoints.isEmpty();
    }
}
