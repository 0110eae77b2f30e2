package dev.adxfed.operator.federation;

/** How many commands of one kind came to one result in one hub database during a pass. */
public record CommandResults(String database, Command.Kind kind, String result, int count) {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
