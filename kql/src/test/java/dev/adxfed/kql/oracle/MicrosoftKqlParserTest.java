package dev.adxfed.kql.oracle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicrosoftKqlParserTest {

    @Test
    void acceptsValidKqlAndRejectsBracesAroundAMacroExpandBody() {
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(List.of(
                "macro-expand Metrics_Partitions as X ( X.Cpu | count )",
                "macro-expand Metrics_Partitions as X { X.Cpu | count }"));

        assertThat(verdicts.get(0).valid()).as(verdicts.get(0).describe()).isTrue();
        assertThat(verdicts.get(1).valid()).isFalse();
        assertThat(verdicts.get(1).diagnostics()).extracting(MicrosoftKqlParser.Diagnostic::message)
                .contains("Expected: (");
    }
}
