package dev.adxfed.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorConfigTest {

    @TempDir
    Path dir;

    @Test
    void aYamlFileNamesClustersPortsDatabasesTablesRowsAndSetupCommands() throws Exception {
        int port = freePort();
        int armPort = freePort();
        Path file = Files.writeString(dir.resolve("clusters.yaml"), """
                clusters:
                  - name: hub
                    port: %d
                    databases:
                      - name: Fleet
                        tables:
                          - name: Ships
                            columns: {Name: string, Launched: datetime, Crew: int, Tags: dynamic}
                            rows:
                              - ["Endeavour", "1768-08-26T00:00:00Z", 94, ["bark", "navy"]]
                              - ["Beagle", "1820-05-11", 74, null]
                        commands:
                          - ".create function Crewed() { Ships | where Crew > 80 }"
                  - name: partition-1
                    port: 0
                arm:
                  port: %d
                  provisioningDelayMillis: 0
                """.formatted(port, armPort));

        try (Emulator emulator = Emulator.start(EmulatorConfig.readYaml(file))) {
            assertThat(emulator.clusters()).extracting(VirtualCluster::name).containsExactly("hub", "partition-1");
            assertThat(emulator.endpoint().getPort()).isEqualTo(port);
            assertThat(emulator.armEndpoint().getPort()).isEqualTo(armPort);
            assertThat(emulator.arm().provisioningDelay()).isZero();
            SdkSession kusto = new SdkSession(emulator.endpoint());
            assertThat(kusto.mgmt("Fleet", ".show tables").column("TableName")).containsExactly("Ships");
            assertThat(kusto.mgmt("Fleet", ".show functions").column("Name")).containsExactly("Crewed");
            Object[] endeavour = emulator.clusters().get(0).catalog().database("Fleet").orElseThrow()
                    .table("Ships").orElseThrow().rows().get(0);
            assertThat(endeavour[2]).isEqualTo(94);
            assertThat(endeavour[3].toString()).isEqualTo("[\"bark\",\"navy\"]");
            assertThat(emulator.directory().catalog("partition-1")).containsSame(emulator.clusters().get(1).catalog());
            kusto.assertParsersAgree();
        }
    }

    @Test
    void anUnknownKeyIsNamedWithWhereItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "clusters:\n  - name: a\n    prot: 8080\n");
        assertThatThrownBy(() -> EmulatorConfig.readYaml(file))
                .hasMessageContaining("unknown key 'prot' at clusters[0].prot");
    }

    @Test
    void aBadValueInSampleRowsNamesTableRowAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("rows.yaml"), """
                clusters:
                  - name: a
                    port: 0
                    databases:
                      - name: D
                        tables:
                          - name: T
                            columns: {When: datetime}
                            rows: [["yesterday"]]
                """);
        assertThatThrownBy(() -> Emulator.start(EmulatorConfig.readYaml(file)))
                .hasMessageContaining("a.D.T: row 1, column When: 'yesterday' is not a valid datetime");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Emulator.start(EmulatorConfig.sample(1, taken.getLocalPort(), null)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
