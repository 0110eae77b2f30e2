package dev.adxfed.operator.federation;

/** One management command the hub is sent, with what kind of change it is and the object it changes. */
public record Command(Kind kind, String subject, String text) {

    public enum Kind {
        DATABASE_CREATE("database.create"),
        TABLE_CREATE("table.create"),
        COLUMN_ENCODING("column.alterEncoding"),
        ENTITY_GROUP_CREATE("entityGroup.create"),
        ENTITY_GROUP_ALTER("entityGroup.alter"),
        ENTITY_GROUP_DROP("entityGroup.drop"),
        FUNCTION_CREATE_OR_ALTER("function.createOrAlter"),
        FUNCTION_DROP("function.drop"),
        OWNERSHIP_RECORD("ownership.record");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used in metrics and in the status' failure counts. */
        public String label() {
            return label;
        }
    }
}
