package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.SdkSession;
import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionCommandsTest {

    private static Emulator emulator;
    private static SdkSession kusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(1);
        kusto = new SdkSession(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        emulator.close();
        kusto.assertParsersAgree();
    }

    @Test
    void createShowAlterAndDropAFunction() {
        Rows created = kusto.mgmt("Metrics",
                ".create function with (folder=\"hosts\", docstring=\"CPU of one host\") CpuOf(host:string, minimum:real = 0.5) { Cpu | where Host == host and Value >= minimum }");
        assertThat(created.columns()).containsExactly("Name", "Parameters", "Body", "Folder", "DocString");
        assertThat(created.rows()).containsExactly(List.of("CpuOf", "(host:string, minimum:real=0.5)",
                "{ Cpu | where Host == host and Value >= minimum }", "hosts", "CPU of one host"));

        assertThat(kusto.mgmtError("Metrics", ".create function CpuOf() { Cpu }")).contains("Function 'CpuOf' already exists");
        assertThat(kusto.mgmt("Metrics", ".create function ifnotexists CpuOf() { Cpu }").single("Body"))
                .isEqualTo("{ Cpu | where Host == host and Value >= minimum }");

        kusto.mgmt("Metrics", ".alter function CpuOf(host:string) { Cpu | where Host == host }");
        Rows one = kusto.mgmt("Metrics", ".show function CpuOf");
        assertThat(one.rows()).containsExactly(List.of("CpuOf", "(host:string)", "{ Cpu | where Host == host }", "", ""));
        assertThat(kusto.mgmt("Metrics", ".show functions").column("Name")).contains("CpuOf");

        Rows dropped = kusto.mgmt("Metrics", ".drop function CpuOf");
        assertThat(dropped.rows()).containsExactly(List.of("CpuOf"));
        assertThat(kusto.mgmtError("Metrics", ".show function CpuOf")).contains("Function 'CpuOf' was not found");
        assertThat(kusto.mgmtError("Metrics", ".drop function CpuOf")).contains("Function 'CpuOf' was not found");
        assertThat(kusto.mgmt("Metrics", ".drop function CpuOf ifexists").single("Name")).isEqualTo("CpuOf");
    }

    @Test
    void createOrAlterMakesAViewThenReplacesIt() {
        kusto.mgmt("Metrics", ".create-or-alter function with (view=true, skipvalidation=\"true\") RecentCpu() { Cpu | where Timestamp > ago(1h) }");
        kusto.mgmt("Metrics", ".create-or-alter function with (view=true) RecentCpu() { Cpu | where Timestamp > ago(30m) }");

        assertThat(kusto.mgmt("Metrics", ".show function RecentCpu").single("Body")).isEqualTo("{ Cpu | where Timestamp > ago(30m) }");
        kusto.mgmt("Metrics", ".drop function RecentCpu");
    }

    @Test
    void alteringAMissingFunctionFailsAndCreatesNothing() {
        assertThat(kusto.mgmtError("Metrics", ".alter function Ghost() { Cpu }")).contains("Function 'Ghost' was not found");
        assertThat(kusto.mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Ghost");
    }

    @Test
    void aViewWithParametersAndAnUnknownPropertyAreRejected() {
        assertThat(kusto.mgmtError("Metrics", ".create function with (view=true) V(x:long) { Cpu }"))
                .contains("view=true needs a function without parameters");
        assertThat(kusto.mgmtError("Metrics", ".create function with (colour=\"red\") V() { Cpu }"))
                .contains("does not know the property 'colour'");
        assertThat(kusto.mgmt("Metrics", ".show functions").column("Name")).doesNotContain("V");
    }

    @Test
    void aBodyNamingAMissingTableFailsUnlessValidationIsSkipped() {
        assertThat(kusto.mgmtError("Metrics", ".create function Orphan() { Missing | count }"))
                .contains("SEM0100").contains("'Missing'");
        assertThat(kusto.mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Orphan");

        kusto.mgmt("Metrics", ".create function with (skipvalidation=\"true\") Orphan() { Missing | count }");
        assertThat(kusto.mgmt("Metrics", ".show function Orphan").single("Body")).isEqualTo("{ Missing | count }");
        kusto.mgmt("Metrics", ".drop function Orphan");
    }

    @Test
    void aBodyThatDoesNotParseIsASyntaxError() {
        assertThat(kusto.mgmtError("Metrics", ".create function Broken() { Cpu | where }")).contains("SYN0002");
        assertThat(kusto.mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Broken");
    }
}
