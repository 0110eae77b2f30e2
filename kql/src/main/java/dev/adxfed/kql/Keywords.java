package dev.adxfed.kql;

import java.util.Set;

/** KQL keywords that cannot be bare names: a table, column or property with such a name must be written {@code ['name']}. */
final class Keywords {

    /**
     * Words that Kusto.Language refuses as bare names in queries (its KustoFacts.CanBeIdentifier is false
     * for them). Words with a dash are left out: a dash already forces brackets.
     */
    private static final Set<String> NEED_BRACKETS = Set.of((
            "__contextual_datatable __crossCluster __crossDB __executeAndCache __id __isFuzzy __noWithSource "
            + "__packedColumn __projectAway __sourceColumnIndex accumulate and anomalychart areachart as asc "
            + "bagexpansion barchart between bin_legacy boolean by byte cachingpolicy callout cancel card char "
            + "columnchart contains contains_cs containscs cycles dataexport datascope datatable date datetime "
            + "decimal decodeblocks desc double dynamic earliest encodingpolicy endswith endswith_cs expandoutput "
            + "extent_tags_retention external_data externaldata find first flags float force_remote harddelete "
            + "hardretention has has_all has_any has_cs hasprefix hasprefix_cs hassuffix hassuffix_cs hotcache in "
            + "int int16 int32 int64 int8 invoke isfuzzy journal kind ladderchart last latest like likecs linechart "
            + "long materialize mdm missing nooptimization notcontains notcontainscs notlike notlikecs of or others "
            + "partitioned-by pathformat piechart pivotchart print project queries query_results real relaxed "
            + "restricted_view_access row_level_security rowstore rowstore_references rowstore_sealinfo "
            + "rowstorepolicy rowstores sample scatterchart seal seals search set shards simple softdelete "
            + "softretention sql stackedareachart startswith startswith_cs statistics storedqueryresultcontainers "
            + "string tablepurge time timechart timeline timepivot timespan title to toscalar totable treemap uint "
            + "uint16 uint32 uint64 uint8 ulong union uniqueid unrestrictedviewers verbose viewers views where "
            + "with_itemindex with_match_id with_source with_step_name withsource writeaheadlog").split(" "));

    /** Keywords that Kusto.Language still reads as names wherever a name is expected. */
    private static final Set<String> NAMES_ANYWAY = Set.of("kind", "withsource", "with_source");

    /** Keywords that Kusto.Language accepts as the declared name in {@code name = expression} (print, extend, ...). */
    private static final Set<String> DECLARABLE = Set.of((
            "accumulate as by contains datatable earliest externaldata find has in invoke latest materialize mdm of "
            + "print sample search set sql title to toscalar totable verbose viewers where").split(" "));

    private Keywords() {}

    /** Whether a plain word can stand for a name in a query (a column, a table, a property after '.'). */
    static boolean usableAsName(String word) {
        return !NEED_BRACKETS.contains(word) || NAMES_ANYWAY.contains(word);
    }

    static boolean declarable(String word) {
        return usableAsName(word) || DECLARABLE.contains(word);
    }

    static boolean needBrackets(String word) {
        return NEED_BRACKETS.contains(word);
    }
}
