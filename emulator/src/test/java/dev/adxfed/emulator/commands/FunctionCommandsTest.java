package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.SampleCluster;
import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionCommandsTest {

    @RegisterExtension
    static final SampleCluster CLUSTER = new SampleCluster();

    @Test
    void aStoredBodyIsReSpacedAsAdxDoes() {
        CLUSTER.kusto().mgmt("Metrics", ".create-or-alter function Few() {Cpu | take 3}");
        CLUSTER.kusto().mgmt("Metrics", ".create-or-alter function Lines() {\n    Cpu\n    | take 3\n}");

        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show function Few").single("Body")).isEqualTo("{ Cpu | take 3 }");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show function Lines").single("Body")).isEqualTo("{ Cpu\n    | take 3 }");
        assertThat(((Number) CLUSTER.kusto().query("Metrics", "Few | count").single("Count")).longValue()).isEqualTo(3);
    }

    @Test
    void createShowAlterAndDropAFunction() {
        Rows created = CLUSTER.kusto().mgmt("Metrics",
                ".create function with (folder=\"hosts\", docstring=\"CPU of one host\") CpuOf(host:string, minimum:real = 0.5) { Cpu | where Host == host and Value >= minimum }");
        assertThat(created.columns()).containsExactly("Name", "Parameters", "Body", "Folder", "DocString");
        assertThat(created.rows()).containsExactly(List.of("CpuOf", "(host:string, minimum:real=0.5)",
                "{ Cpu | where Host == host and Value >= minimum }", "hosts", "CPU of one host"));

        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create function CpuOf() { Cpu }")).contains("Function 'CpuOf' already exists");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".create function ifnotexists CpuOf() { Cpu }").single("Body"))
                .isEqualTo("{ Cpu | where Host == host and Value >= minimum }");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".create function ifnotexists CpuOf() { NoSuchTable }").single("Body"))
                .as("an existing function is returned without validating the ignored body")
                .isEqualTo("{ Cpu | where Host == host and Value >= minimum }");

        CLUSTER.kusto().mgmt("Metrics", ".alter function CpuOf(host:string) { Cpu | where Host == host }");
        Rows one = CLUSTER.kusto().mgmt("Metrics", ".show function CpuOf");
        assertThat(one.rows()).containsExactly(List.of("CpuOf", "(host:string)", "{ Cpu | where Host == host }", "", ""));
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).contains("CpuOf");

        Rows dropped = CLUSTER.kusto().mgmt("Metrics", ".drop function CpuOf");
        assertThat(dropped.rows()).containsExactly(List.of("CpuOf"));
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".show function CpuOf")).contains("Function 'CpuOf' was not found");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".drop function CpuOf")).contains("Function 'CpuOf' was not found");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".drop function CpuOf ifexists").single("Name")).isEqualTo("CpuOf");
    }

    @Test
    void createOrAlterMakesAViewThenReplacesIt() {
        CLUSTER.kusto().mgmt("Metrics", ".create-or-alter function with (view=true, skipvalidation=\"true\") RecentCpu() { Cpu | where Timestamp > ago(1h) }");
        CLUSTER.kusto().mgmt("Metrics", ".create-or-alter function with (view=true) RecentCpu() { Cpu | where Timestamp > ago(30m) }");

        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show function RecentCpu").single("Body")).isEqualTo("{ Cpu | where Timestamp > ago(30m) }");
        CLUSTER.kusto().mgmt("Metrics", ".drop function RecentCpu");
    }

    @Test
    void alteringAMissingFunctionFailsAndCreatesNothing() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".alter function Ghost() { Cpu }")).contains("Function 'Ghost' was not found");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Ghost");
    }

    @Test
    void aViewWithParametersAndAnUnknownPropertyAreRejected() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create function with (view=true) V(x:long) { Cpu }"))
                .contains("view=true needs a function without parameters");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create function with (colour=\"red\") V() { Cpu }"))
                .contains("does not know the property 'colour'");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).doesNotContain("V");
    }

    @Test
    void aBodyNamingAMissingTableFailsUnlessValidationIsSkipped() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create function Orphan() { Missing | count }"))
                .contains("SEM0100").contains("'Missing'");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Orphan");

        CLUSTER.kusto().mgmt("Metrics", ".create function with (skipvalidation=\"true\") Orphan() { Missing | count }");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show function Orphan").single("Body")).isEqualTo("{ Missing | count }");
        CLUSTER.kusto().mgmt("Metrics", ".drop function Orphan");
    }

    @Test
    void aBodyThatDoesNotParseIsASyntaxError() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create function Broken() { Cpu | where }")).contains("SYN0002");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).doesNotContain("Broken");
    }
}
