package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.EntityGroup;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.ClusterEndpoint;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.EntityReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code .create / .alter / .alter-merge / .create-or-alter entity_group}, {@code .drop entity_group},
 * {@code .show entity_groups} and {@code .show entity_group}. A group never holds the same entity twice
 * (SEM0614) and never is empty.
 */
final class EntityGroupCommands {

    static final List<Column> GROUPS = List.of(
            new Column("Name", ScalarType.STRING),
            new Column("Entities", ScalarType.STRING));

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityGroupCommands() {}

    static ResultTable define(Command.DefineEntityGroup command, CommandScope scope) {
        CommandScope.requireValidName("Entity group", command.name(), command.position());
        List<EntityReference> given = references(command);
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            boolean exists = current.entityGroup(command.name()).isPresent();
            return switch (command.mode()) {
                case CREATE -> {
                    if (exists && command.ifNotExists()) {
                        yield current;
                    }
                    if (exists) {
                        throw KustoError.alreadyExists("Entity group", command.name());
                    }
                    yield current.withEntityGroup(new EntityGroup(command.name(), given));
                }
                case ALTER -> current.withEntityGroup(new EntityGroup(existing(current, command.name()).name(), given));
                case ALTER_MERGE -> {
                    List<EntityReference> merged = new ArrayList<>(existing(current, command.name()).entities());
                    merged.addAll(given);
                    yield current.withEntityGroup(new EntityGroup(command.name(), distinct(command.name(), merged)));
                }
                case CREATE_OR_ALTER -> current.withEntityGroup(new EntityGroup(command.name(), given));
            };
        });
        return rows(List.of(db.entityGroup(command.name()).orElseThrow()));
    }

    static ResultTable drop(Command.DropEntityGroup command, CommandScope scope) {
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            if (current.entityGroup(command.name()).isEmpty()) {
                if (command.ifExists()) {
                    return current;
                }
                throw KustoError.notFound("Entity group", command.name());
            }
            return current.withoutEntityGroup(command.name());
        });
        return rows(List.copyOf(db.entityGroups().values()));
    }

    static ResultTable showAll(CommandScope scope) {
        return rows(List.copyOf(scope.currentDatabase().entityGroups().values()));
    }

    static ResultTable showOne(Command.ShowEntityGroup command, CommandScope scope) {
        return rows(List.of(existing(scope.currentDatabase(), command.name())));
    }

    private static EntityGroup existing(Database db, String name) {
        return db.entityGroup(name).orElseThrow(() -> KustoError.notFound("Entity group", name));
    }

    private static List<EntityReference> references(Command.DefineEntityGroup command) {
        if (command.entities().isEmpty()) {
            throw KustoError.syntax("entity group " + command.name() + " at " + command.position().line() + ":"
                    + command.position().column() + " lists no entities; a group needs at least one");
        }
        return distinct(command.name(), command.entities());
    }

    /** Clusters compare as {@link ClusterEndpoint} normalizes them (host names are not case-sensitive); database names exactly. */
    private static List<EntityReference> distinct(String group, List<EntityReference> refs) {
        Set<String> seen = new HashSet<>();
        for (EntityReference r : refs) {
            if (!seen.add(ClusterEndpoint.normalizeClusterArgument(r.cluster()) + "\n" + r.database())) {
                throw KustoError.semantic("SEM0614", "entity group " + group + " would list " + KqlText.entity(r)
                        + " twice; each entity may appear once");
            }
        }
        return refs;
    }

    private static ResultTable rows(List<EntityGroup> groups) {
        List<Object[]> rows = new ArrayList<>();
        for (EntityGroup g : groups) {
            rows.add(new Object[] {g.name(), entitiesJson(g)});
        }
        return new ResultTable(GROUPS, rows);
    }

    private static String entitiesJson(EntityGroup group) {
        try {
            return JSON.writeValueAsString(group.entities().stream().map(KqlText::entity).toList());
        } catch (JsonProcessingException e) {
            throw KustoError.internal("cannot write entity group " + group.name() + " as JSON: " + e.getMessage());
        }
    }
}
