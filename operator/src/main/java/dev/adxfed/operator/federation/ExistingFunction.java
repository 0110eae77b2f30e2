package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row of {@code .show functions}: Name, Parameters ("()" when none), Folder, and the fingerprint of its
 * Body computed by Kusto ({@link FunctionFingerprint}: blind to white space outside strings). The Body
 * itself only where the hub sent it: functions outside the operator's folder that may be federated-form
 * functions to adopt.
 */
public record ExistingFunction(String name, String parameters, String body, String folder, String bodyHash) {

    public static final String SHOW_COMMAND = ".show functions";

    /**
     * Fingerprints instead of bodies, so an unchanged pass downloads no function text: the bodies of the
     * operator's own functions stay on the server; outside its folder only bodies that could be the
     * federated form are sent.
     */
    public static String showCommand(String functionFolder) {
        return SHOW_COMMAND + " | project Name, Parameters, Folder, BodyHash = "
                + FunctionFingerprint.kqlOfBody() + ", Body = iff(Folder != "
                + KqlText.string(functionFolder) + " and Body contains \"macro-expand\", Body, \"\")";
    }

    /** A function as read with its whole body, its fingerprint computed here. */
    public ExistingFunction(String name, String parameters, String body, String folder) {
        this(name, parameters, body, folder, FunctionFingerprint.of(body));
    }

    /** {@code { macro-expand ... as S ( S.Name ) }}, as adxfed and adx-mon's operator write it. */
    private static final Pattern FEDERATED = Pattern.compile(
            "(?s)^\\{\\s*macro-expand\\s.*\\sas\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*\\1\\s*\\.\\s*(.+?)\\s*\\)\\s*}$");

    public ExistingFunction {
        parameters = parameters == null ? "" : parameters;
        body = body == null ? "" : body;
        folder = folder == null ? "" : folder;
        bodyHash = bodyHash == null ? "" : bodyHash;
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
