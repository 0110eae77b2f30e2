package dev.adxfed.operator.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** A row of {@code .show entity_groups}: Name, and Entities as a JSON array of entity references. */
public record ExistingEntityGroup(String name, List<String> entities) {

    public static final String SHOW_COMMAND = ".show entity_groups";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ExistingEntityGroup {
        entities = List.copyOf(entities);
    }

    /** @param entitiesCell the Entities column: JSON text, or JSON the client already parsed */
    public static ExistingEntityGroup of(String name, Object entitiesCell) {
        JsonNode array;
        try {
            array = entitiesCell instanceof JsonNode node ? node : JSON.readTree(String.valueOf(entitiesCell));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("entity group " + name + ": Entities is not JSON: " + e.getOriginalMessage());
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("entity group " + name + ": Entities is not a JSON array");
        }
        List<String> entities = new ArrayList<>();
        array.forEach(e -> entities.add(e.asText()));
        return new ExistingEntityGroup(name, entities);
    }
}
