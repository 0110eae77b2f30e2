package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.SdkSession;
import dev.adxfed.emulator.SdkSession.Rows;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column encoding policies and the size bounds of ingestion, through the official SDK. Its own cluster: the
 * texts are megabytes long, more than Microsoft's parser should be handed as every other test's texts are;
 * the policy commands themselves are checked with it here.
 */
class EncodingPolicyTest {

    static Emulator emulator;
    static SdkSession kusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(1);
        kusto = new SdkSession(emulator.endpoint());
        kusto.mgmt("Logs", ".create database Ingest volatile");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Table table(String name) {
        return emulator.clusters().get(0).catalog().database("Ingest").orElseThrow().table(name).orElseThrow();
    }

    @Test
    void aBigObjectEncodingPolicyRaisesTheColumnsLimitForWhatIsIngestedAfterIt() {
        kusto.mgmt("Ingest", ".create table Beats (Id:long, Schema:dynamic)");
        String json = "\"[" + "1,".repeat(800_000) + "1]\""; // 1.6 MB
        kusto.mgmt("Ingest", ".ingest inline into table Beats <|\n1," + json);
        assertThat(kusto.mgmt("Ingest", ".show column Beats.Schema policy encoding").single("Policy"))
                .isEqualTo("null");

        Rows altered = kusto.mgmt("Ingest", ".alter column Beats.Schema policy encoding type='BigObject'");
        assertThat(altered.columns()).containsExactly("PolicyName", "EntityName", "Policy", "ChildEntities", "EntityType");
        assertThat(altered.single("EntityName")).isEqualTo("[Ingest].[Beats].[Schema]");
        assertThat((String) altered.single("Policy")).contains("BigObject").contains("\"MaxValueSize\":2097152");
        kusto.mgmt("Ingest", ".ingest inline into table Beats <|\n2," + json);
        kusto.mgmt("Ingest", ".ingest inline into table Beats <|\n3,\"[" + "1,".repeat(1_100_000) + "1]\"");
        kusto.mgmt("Ingest", ".alter column ['Ingest'].['Beats'].['Schema'] policy encoding type = \"BigObject32\"");
        kusto.mgmt("Ingest", ".ingest inline into table Beats <|\n4,\"[" + "1,".repeat(1_100_000) + "1]\"");

        List<Object[]> rows = table("Beats").rows();
        assertThat(rows).extracting(r -> r[1] == null).as("1 MB, then 2 MB (1.6 MB kept, 2.2 MB not), then 32 MB")
                .containsExactly(true, false, true, false);
        assertThat((String) kusto.mgmt("Ingest", ".show table Beats policy encoding").single("ChildEntities"))
                .contains("[Ingest].[Beats].[Schema]");
        assertThat(kusto.mgmtError("Ingest", ".alter column Beats.Id policy encoding type='BigObject32'"))
                .contains("does not apply to column Beats.Id of type long");
        assertThat(kusto.mgmtError("Ingest", ".alter column Beats.Schema policy encoding type='Huge'"))
                .contains("'Huge' is not one of");
        assertThat(kusto.mgmtError("Ingest", ".alter column Beats.Nothing policy encoding type='BigObject'"))
                .contains("Nothing");
    }

    @Test
    void aRecordOverSixtyFourMegabytesFailsTheIngestion() {
        kusto.mgmt("Ingest", ".create table Huge (Id:long, Text:string)");
        // 3 bytes a char in UTF-8: 65 MB in a third of the characters
        String error = kusto.mgmtError("Ingest", ".ingest inline into table Huge <|\n1," + "€".repeat(65 * 1024 * 1024 / 3 + 1));
        assertThat(error).contains("over 64 MB");
        assertThat(table("Huge").rows()).isEmpty();
    }

    @Test
    void microsoftsParserAcceptsThePolicyCommands() {
        List<String> texts = List.of(".alter column Beats.Schema policy encoding type='BigObject'",
                ".alter column ['Ingest'].['Beats'].['Schema'] policy encoding type = \"BigObject32\"",
                ".show column Beats.Schema policy encoding", ".show table Beats policy encoding");
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(verdicts.get(i).valid()).as(texts.get(i) + " " + verdicts.get(i).describe()).isTrue();
            dev.adxfed.kql.KqlParser.parse(texts.get(i));
        }
    }
}
