package dev.adxfed.operator.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Microsoft.Kusto cluster resource, only the fields adxfed reads or sends. The same record is the
 * body of a create (PUT) and, with the unchanged parts left null, of an update (PATCH).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustoCluster(String name, String location, Sku sku, Identity identity, Properties properties) {

    public static final String RUNNING = "Running";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sku(String name, String tier, Integer capacity) {}

    /** {@code type} is SystemAssigned, UserAssigned, "SystemAssigned, UserAssigned" or None. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String type, Map<String, Object> userAssignedIdentities) {

        public static final String SYSTEM = "SystemAssigned";
        public static final String USER = "UserAssigned";
        public static final String SYSTEM_AND_USER = "SystemAssigned, UserAssigned";
        public static final String NONE = "None";

        /** The type for a cluster that keeps (or not) its system-assigned identity and has these user-assigned ones. */
        public static Identity of(boolean system, Collection<String> userAssigned) {
            if (userAssigned.isEmpty()) {
                return new Identity(system ? SYSTEM : NONE, null);
            }
            Map<String, Object> ids = new TreeMap<>();
            userAssigned.forEach(id -> ids.put(id, Map.of()));
            return new Identity(system ? SYSTEM_AND_USER : USER, ids);
        }

        public boolean system() {
            return type != null && type.contains(SYSTEM);
        }

        public Set<String> userAssigned() {
            return userAssignedIdentities == null ? Set.of() : new TreeSet<>(userAssignedIdentities.keySet());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(String state, String provisioningState, String uri, String engineType, Boolean enableAutoStop,
                             OptimizedAutoscale optimizedAutoscale) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OptimizedAutoscale(Integer version, Boolean isEnabled, Integer minimum, Integer maximum) {}

    public String state() {
        return properties == null ? null : properties.state();
    }

    public String uri() {
        return properties == null ? null : properties.uri();
    }
}
