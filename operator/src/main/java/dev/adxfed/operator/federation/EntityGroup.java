package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.util.ArrayList;
import java.util.List;

/** A named entity group on the hub: the sorted {@code cluster('ep').database('Db')} members of one database. */
public record EntityGroup(String name, List<String> entities) {

    public EntityGroup {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("entity group " + name + " needs at least one member");
        }
        entities = entities.stream().sorted().distinct().toList();
    }

    public static EntityGroup of(String name, String database, Iterable<String> endpoints) {
        List<String> entities = new ArrayList<>();
        endpoints.forEach(endpoint -> entities.add(KqlText.entity(endpoint, database)));
        return new EntityGroup(name, entities);
    }

    public Command createCommand() {
        return new Command(Command.Kind.ENTITY_GROUP_CREATE, name,
                ".create entity_group " + KqlText.identifier(name) + " (" + String.join(", ", entities) + ")");
    }

    public Command alterCommand() {
        return new Command(Command.Kind.ENTITY_GROUP_ALTER, name,
                ".alter entity_group " + KqlText.identifier(name) + " (" + String.join(", ", entities) + ")");
    }

    public static Command dropCommand(String name) {
        return new Command(Command.Kind.ENTITY_GROUP_DROP, name, ".drop entity_group " + KqlText.identifier(name));
    }
}
