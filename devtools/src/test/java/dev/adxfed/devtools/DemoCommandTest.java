package dev.adxfed.devtools;

import dev.adxfed.emulator.SampleData;
import dev.adxfed.operator.cli.Run;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The real demo, end to end: what a new user sees after cloning. */
class DemoCommandTest {

    @Test
    void demoFederatesThreePartitionsQueriesThemAndDropsTheOneThatLeaves() {
        long start = System.nanoTime();
        Run run = Run.of(AdxfedDev.commandLine(), "demo");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        String out = run.out();

        List<String> metricsGroups = lines(out, "^  Metrics_Partitions +(.*)$");
        assertThat(metricsGroups).hasSize(2);
        assertThat(metricsGroups.get(0).split(", ")).containsExactlyInAnyOrder("eastus", "westeurope", "southeastasia");
        assertThat(metricsGroups.get(1).split(", ")).containsExactlyInAnyOrder("eastus", "westeurope");
        assertThat(lines(out, "^  Logs_Partitions +(.*)$").get(1).split(", ")).containsExactlyInAnyOrder("eastus", "westeurope");
        assertThat(out).containsPattern("(?m)^  Metrics +Cpu\\(\\) +over 3 partition\\(s\\)$")
                .containsPattern("(?m)^  Logs +" + SampleData.VIEW + "\\(\\) +over 3 partition\\(s\\)$");

        for (String region : DemoClusters.PARTITIONS) {
            for (int host = 1; host <= SampleData.HOSTS; host++) {
                String name = SampleData.host(region, host);
                assertThat(out).as("Cpu() row of " + name)
                        .containsPattern("(?m)^    " + name + " +" + SampleData.SAMPLES + " +\\d+\\.\\d +\\d+\\.\\d$");
                assertThat(out).as("macro-expand row of " + name)
                        .containsPattern("(?m)^    " + name + " +" + SampleData.REQUESTS_PER_HOST + " +\\d+$");
            }
        }
        String afterLeaving = out.substring(out.indexOf("now covers two regions"));
        assertThat(afterLeaving).contains("eastus-web-1", "westeurope-web-2").doesNotContain("southeastasia").contains("(4 rows)");
        assertThat(out).doesNotContain("failed").contains("Demo finished in");
    }

    private static List<String> lines(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }
}
