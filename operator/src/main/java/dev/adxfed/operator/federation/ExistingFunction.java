package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A row of {@code .show functions}: Name, Parameters ("()" when none), Body with its braces, and Folder. */
public record ExistingFunction(String name, String parameters, String body, String folder) {

    public static final String SHOW_COMMAND = ".show functions";

    /** {@code { macro-expand ... as S ( S.Name ) }}, as adxfed and adx-mon's operator write it. */
    private static final Pattern FEDERATED = Pattern.compile(
            "(?s)^\\{\\s*macro-expand\\s.*\\sas\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*\\1\\s*\\.\\s*(.+?)\\s*\\)\\s*}$");

    public ExistingFunction {
        parameters = parameters == null ? "" : parameters;
        body = body == null ? "" : body;
        folder = folder == null ? "" : folder;
    }

    /**
     * The operator's own: it carries the operator's folder, or it is the federated form of its own
     * name (made by an earlier adxfed or by adx-mon's operator), which is adopted rather than duplicated.
     */
    public boolean ownedBy(String functionFolder) {
        return functionFolder.equals(folder) || isFederatedFormOfItsName();
    }

    boolean isFederatedFormOfItsName() {
        if (!"()".equals(parameters.strip())) {
            return false;
        }
        Matcher m = FEDERATED.matcher(body.strip());
        if (!m.matches()) {
            return false;
        }
        String table = m.group(2);
        return table.equals(name) || table.equals(KqlText.identifier(name))
                || table.equals("['" + name + "']") || table.equals("[\"" + name + "\"]");
    }
}
