package dev.adxfed.operator.federation;

/** A row of {@code .show functions}: Name, Parameters ("()" when none) and Body with its braces. */
public record ExistingFunction(String name, String parameters, String body) {

    public static final String SHOW_COMMAND = ".show functions";
}
