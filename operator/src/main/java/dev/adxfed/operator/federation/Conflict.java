package dev.adxfed.operator.federation;

/**
 * A user's object on the hub with the name of one the operator would write: left as it is, and
 * reported so the user can rename it or let the operator have it.
 */
public record Conflict(String database, Kind kind, String name) {

    public enum Kind {
        FUNCTION("function"),
        ENTITY_GROUP("entityGroup");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return kind.label() + " " + database + "." + name;
    }
}
