package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An object adx-mon's Go operator leaves on a hub, and what adxfed does with it under the settings in
 * use: a {@code {database}Spoke} entity group, a function over one in adx-mon's form, or an empty
 * placeholder table with adx-mon's OTLP columns under a function's name.
 *
 * @param kind  "entity group", "function" or "table"
 * @param why   why, and for what is left alone, the setting that would adopt it
 */
public record AdxMonObject(String database, String kind, String name, Fate fate, String why) {

    public enum Fate {
        /** The operator maintains it from now on (as it stands, or rewritten to its form). */
        ADOPTED("adopted"),
        /** Left exactly as it is; nothing maintains it any more. */
        LEFT("left as it is"),
        /** Kept as it is behind the function of its name, as adx-mon intended. */
        KEPT("kept");

        private final String words;

        Fate(String words) {
            this.words = words;
        }

        @JsonValue
        public String words() {
            return words;
        }
    }
}
