package dev.adxfed.operator.api;

/** The one URL shape every cluster endpoint in the resource must have. */
public final class Endpoints {

    /** http(s) scheme, a host and no white space; plain http is for the emulator and Kustainer. */
    public static final String PATTERN = "^https?://[^\\s/?#]+(/[^\\s]*)?$";

    private Endpoints() {}
}
