package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

/** A hub database a partition database needs, created where the cluster allows it (emulator, Kustainer). */
public final class HubDatabase {

    /** Where Kustainer keeps databases; the emulator accepts any path. */
    public static final String STORAGE_ROOT = "/kustodata/dbs/";

    private HubDatabase() {}

    public static Command createCommand(String database) {
        String root = STORAGE_ROOT + database;
        return new Command(Command.Kind.DATABASE_CREATE, database, ".create database " + KqlText.identifier(database)
                + " persist (" + KqlText.string(root + "/md") + ", " + KqlText.string(root + "/data") + ") ifnotexists");
    }
}
