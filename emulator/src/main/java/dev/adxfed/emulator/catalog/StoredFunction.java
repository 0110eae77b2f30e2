package dev.adxfed.emulator.catalog;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A stored function. {@code body} is the text of the body with its braces, exactly as it was
 * created, because {@code .show functions} gives it back that way. A view is a parameterless
 * function that queries may name like a table.
 */
public record StoredFunction(String name, List<FunctionParameter> parameters, String body,
                             String folder, String docString, boolean view) {

    public StoredFunction {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(body, "body");
        folder = folder == null ? "" : folder;
        docString = docString == null ? "" : docString;
    }

    /** As {@code .show functions} writes the parameters: {@code ()} or {@code (x:long, y:string="a")}. */
    public String parametersText() {
        return parameters.stream().map(FunctionParameter::text).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The body without its outer braces, for the engine to parse. */
    public String bodyWithoutBraces() {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
