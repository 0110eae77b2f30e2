package dev.adxfed.emulator.catalog;

/**
 * How the catalog writes names and strings back as KQL text (in schemas and entity references).
 * Kept minimal on purpose: the kql module owns quoting for everything else.
 */
final class Names {

    private Names() {}

    static String identifier(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "[" + stringLiteral(name) + "]";
    }

    static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
