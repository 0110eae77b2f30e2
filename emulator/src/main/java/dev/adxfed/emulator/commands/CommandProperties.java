package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.kql.syntax.Property;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code with (name=value, ...)} of one command. Names match case-insensitively, as Kusto reads
 * them; a name the command does not know is an error that lists the ones it does.
 */
final class CommandProperties {

    private final String command;
    private final List<Property> properties;

    private CommandProperties(String command, List<Property> properties) {
        this.command = command;
        this.properties = properties;
    }

    static CommandProperties of(String command, List<Property> properties, Set<String> known) {
        for (Property p : properties) {
            if (known.stream().noneMatch(k -> k.equalsIgnoreCase(p.name()))) {
                throw KustoError.badArgument(command + " does not know the property '" + p.name() + "' at "
                        + p.position().line() + ":" + p.position().column() + "; it knows: " + String.join(", ", known));
            }
        }
        return new CommandProperties(command, properties);
    }

    boolean isEmpty() {
        return properties.isEmpty();
    }

    /** A boolean property, written as true/false or as the strings "true"/"false". */
    boolean bool(String name, boolean otherwise) {
        return find(name).map(p -> {
            Object v = p.value();
            if (v instanceof Boolean b) {
                return b;
            }
            String text = String.valueOf(v).toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw KustoError.badArgument(command + ": property " + p.name() + " must be true or false, got '" + v + "'");
        }).orElse(otherwise);
    }

    Optional<String> string(String name) {
        return find(name).map(p -> String.valueOf(p.value()));
    }

    private Optional<Property> find(String name) {
        return properties.stream().filter(p -> p.name().equalsIgnoreCase(name)).reduce((first, last) -> last);
    }
}
