package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one of the operator's groups or functions stands against the plan, and so what a sync would
 * do to it: nothing, create it, alter it, drop it, or leave a user's object of that name alone.
 */
public enum ObjectState {
    IN_SYNC("inSync", "in sync", null),
    MISSING("missing", "missing", "create"),
    DRIFTED("drifted", "drifted", "alter"),
    STALE("stale", "stale", "drop"),
    CONFLICT("conflict", "conflicting", "conflict");

    private final String json;
    private final String words;
    private final String change;

    ObjectState(String json, String words, String change) {
        this.json = json;
        this.words = words;
        this.change = change;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** For a person: "in sync", "conflicting". */
    public String words() {
        return words;
    }

    /** What a sync does about it: create, alter, drop or conflict; null when in sync. */
    public String change() {
        return change;
    }
}
