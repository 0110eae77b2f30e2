package dev.adxfed.emulator;

import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void catalogAndDataSurviveARestartButVolatileDatabasesAndHalfWrittenFilesDoNot() throws Exception {
        EmulatorConfig config = EmulatorConfig.sample(1).withDataDir(dataDir);
        SdkSession first;
        try (Emulator emulator = Emulator.start(config)) {
            first = new SdkSession(emulator.endpoint());
            first.mgmt("Metrics", ".create table Heartbeat (Timestamp:datetime, ClusterEndpoint:string, Schema:dynamic)");
            first.mgmt("Metrics", ".ingest inline into table Heartbeat <|\n2024-05-01T10:00:00Z,http://127.0.0.1:9001,\"[{\"\"database\"\":\"\"Metrics\"\"}]\"");
            first.mgmt("Metrics", ".create function with (folder=\"f\") Beats(n:long = 10) { Heartbeat | take n }");
            first.mgmt("Metrics", ".create entity_group Metrics_Partitions (cluster('http://127.0.0.1:9001').database('Metrics'))");
            first.mgmt("Metrics", ".drop table Memory");
            first.mgmt("Metrics", ".create database Scratch volatile");
            first.mgmt("Metrics", ".create database ['Team Data-1.0'] persist (@\"/data/md\", @\"/data/d\")");
            first.mgmtError("Metrics", ".create-merge table Heartbeat (Timestamp:string)");
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("eastus"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".writing-"));
        }
        Files.writeString(dataDir.resolve("eastus/.writing-123.json"), "{\"name\":\"Metr", StandardCharsets.UTF_8);

        try (Emulator emulator = Emulator.start(config)) {
            SdkSession again = new SdkSession(emulator.endpoint());
            assertThat(again.mgmt("Metrics", ".show databases").column("DatabaseName"))
                    .containsExactlyInAnyOrder("Logs", "Metrics", "Team Data-1.0");
            assertThat(again.mgmt("Metrics", ".show tables").column("TableName")).containsExactly("Cpu", "Heartbeat");
            Rows function = again.mgmt("Metrics", ".show function Beats");
            assertThat(function.rows()).containsExactly(List.of("Beats", "(n:long=10)", "{ Heartbeat | take n }", "f", ""));
            assertThat(again.mgmt("Metrics", ".show entity_groups").rows())
                    .containsExactly(List.of("Metrics_Partitions", "[\"cluster('http://127.0.0.1:9001').database('Metrics')\"]"));
            Object[] beat = emulator.clusters().get(0).catalog().database("Metrics").orElseThrow()
                    .table("Heartbeat").orElseThrow().rows().get(0);
            assertThat(beat[1]).isEqualTo("http://127.0.0.1:9001");
            assertThat(beat[2].toString()).isEqualTo("[{\"database\":\"Metrics\"}]");
            assertThat(emulator.clusters().get(0).catalog().database("Metrics").orElseThrow()
                    .table("Cpu").orElseThrow().rows()).hasSize(24);
            SdkSession.assertParsersAgree(List.of(first, again));
        }
    }
}
