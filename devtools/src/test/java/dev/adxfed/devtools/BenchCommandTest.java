package dev.adxfed.devtools;

import dev.adxfed.operator.cli.Run;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    private static final Pattern PARTITION_ROW = Pattern.compile("(?m)^ +(partition\\d+) +(\\d+) +(\\d+) +(\\d+) +[\\d.]+s +whole, one row per target$");
    private static final Pattern UNCHANGED_ROW = Pattern.compile(
            "(?m)^ +unchanged +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) B / (\\d+) rows ");

    @Test
    void partitionsReadTheirSchemaInOnePlusDRoundTripsAndAnUnchangedHubGetsNoDdl() {
        int databases = 2;
        int targets = 2;
        Run bench = Run.of(AdxfedDev.commandLine(), "bench", "--partitions", "5", "--databases", String.valueOf(databases), "--tables", "3",
                "--columns", "4", "--targets", String.valueOf(targets));

        Matcher partition = PARTITION_ROW.matcher(bench.out());
        int partitionsMeasured = 0;
        while (partition.find()) {
            partitionsMeasured++;
            assertThat(Integer.parseInt(partition.group(2))).as(partition.group()).isEqualTo(databases);
            assertThat(Integer.parseInt(partition.group(3))).as(partition.group()).isEqualTo(1 + databases);
            assertThat(Integer.parseInt(partition.group(4))).as(partition.group()).isEqualTo(targets);
        }
        assertThat(partitionsMeasured).as(bench.toString()).isEqualTo(BenchCommand.REAL_PARTITIONS);
        assertThat(bench.out()).contains("plus 2 synthetic heartbeat row(s)");

        Matcher unchanged = UNCHANGED_ROW.matcher(bench.out());
        assertThat(unchanged.find()).as(bench.toString()).isTrue();
        assertThat(unchanged.group(1)).as("partitions live on the second pass").isEqualTo("5");
        assertThat(unchanged.group(3)).as("commands sent on the second pass").isEqualTo("0");
        assertThat(unchanged.group(4)).as("DDL bytes sent on the second pass").isEqualTo("0");
        assertThat(bench.out()).containsPattern("PASS +an unchanged hub sends no DDL");

        long bytesRead = Long.parseLong(unchanged.group(5));
        long largest = Long.parseLong(unchanged.group(6));
        assertThat(largest).as("the largest response of the unchanged pass, as the hub sent it").isPositive()
                .isLessThanOrEqualTo(bytesRead);
        assertThat(Long.parseLong(unchanged.group(7))).as("rows of the largest response").isPositive();
        assertThat(bench.out()).contains("x 4 column(s)").containsPattern("PASS +no hub response over 16 MiB");
        assertThat(bench.exitCode()).as(bench.toString()).isZero();
    }

    @Test
    void aSizeBelowOneIsRefusedWithTheOptionNamed() {
        Run bench = Run.of(AdxfedDev.commandLine(), "bench", "--tables", "0");

        assertThat(bench.exitCode()).isNotZero();
        assertThat(bench.err()).contains("--tables must be at least 1, got 0");
    }
}
