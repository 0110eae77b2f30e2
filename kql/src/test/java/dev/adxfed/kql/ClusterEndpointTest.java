package dev.adxfed.kql;

import dev.adxfed.kql.syntax.EntityReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterEndpointTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://P1.WestEurope.Kusto.Windows.Net/ | https://p1.westeurope.kusto.windows.net",
            "HTTPS://p1.kusto.windows.net:443 | https://p1.kusto.windows.net",
            "http://127.0.0.1:80// | http://127.0.0.1",
            "http://127.0.0.1:8080 | http://127.0.0.1:8080",
            "https://p1.kusto.windows.net:8443/Path/ | https://p1.kusto.windows.net:8443/Path",
    })
    void spellingsOfOneClusterNormalizeAlike(String given, String normalized) {
        assertThat(ClusterEndpoint.normalize(given)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p1.kusto.windows.net | is not an http(s) URL",
            "ftp://p1.kusto.windows.net | is not an http(s) URL",
            "https://user@p1.kusto.windows.net | must be scheme://host[:port][/path] only",
            "https://p1.kusto.windows.net/?x=1 | must be scheme://host[:port][/path] only",
            "'https://p1 x' | is not a URL",
            "'  ' | is empty",
    })
    void anythingButAnEndpointIsRefusedSayingWhy(String given, String problem) {
        assertThatThrownBy(() -> ClusterEndpoint.normalize(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(problem);
    }

    @Test
    void clusterArgumentsThatAreNamesCompareWithoutCase() {
        assertThat(ClusterEndpoint.normalizeClusterArgument("Help")).isEqualTo("help");
        assertThat(ClusterEndpoint.normalizeClusterArgument("https://Help.Kusto.Windows.Net/")).isEqualTo("https://help.kusto.windows.net");
        assertThat(ClusterEndpoint.normalizeClusterArgument(null)).isNull();
    }

    @Test
    void entityReferencesReadBackInEveryQuotingKustoUses() {
        assertThat(KqlParser.parseEntityReference("cluster('https://p1.kusto.windows.net').database('Metrics')"))
                .isEqualTo(new EntityReference("https://p1.kusto.windows.net", "Metrics"));
        assertThat(KqlParser.parseEntityReference(" cluster( \"https://p1\" ) . database( \"It's\" ) "))
                .isEqualTo(new EntityReference("https://p1", "It's"));
        assertThat(KqlParser.parseEntityReference("cluster(@'https://p1').database('a\\\\b')"))
                .isEqualTo(new EntityReference("https://p1", "a\\b"));
        assertThat(KqlParser.parseEntityReference("database('Logs')")).isEqualTo(new EntityReference(null, "Logs"));
        assertThat(KqlParser.parseEntityReference("cluster('c')")).isEqualTo(new EntityReference("c", null));
    }

    @Test
    void entityTextParsesBackToTheSameReference() {
        for (EntityReference reference : new EntityReference[] {new EntityReference("https://p1:444/x'y", "Db \\ 1"),
                new EntityReference(null, "Logs"), new EntityReference("help", null)}) {
            assertThat(KqlParser.parseEntityReference(KqlText.entity(reference))).isEqualTo(reference);
        }
    }

    @Test
    void aMemberReadsAsTheParserReadsItInEveryQuotingWithItsClusterNormalized() {
        EntityReference p1 = new EntityReference("https://p1.kusto.windows.net", "Metrics");
        for (String member : new String[] {"cluster('https://P1.kusto.windows.net:443/').database('Metrics')",
                " cluster( \"https://p1.kusto.windows.net\" ).database('Metrics')", "cluster(@'https://p1.kusto.windows.net').database('Metrics')",
                "cluster('https://p1.kusto.windows.net').database(\"Metrics\")"}) {
            assertThat(ClusterEndpoint.normalizedReference(member)).as(member).contains(p1);
        }
        assertThat(ClusterEndpoint.normalizedReference("cluster('Help').database('It\\'s')"))
                .contains(new EntityReference("help", "It's"));
        assertThat(ClusterEndpoint.normalizedReference("cluster('c').database('d'), database('e')")).isEmpty();
        assertThat(ClusterEndpoint.normalizedReference("database('Logs')")).as("no cluster").isEmpty();
        assertThat(ClusterEndpoint.normalizedReference("cluster('c').database('d')x")).isEmpty();
    }

    @Test
    void textThatIsNotOneReferenceIsASyntaxErrorNamingWhere() {
        assertThatThrownBy(() -> KqlParser.parseEntityReference("cluster('c').database('d'), database('e')"))
                .isInstanceOf(KqlSyntaxException.class).hasMessageContaining("expected the end of the entity reference");
        assertThatThrownBy(() -> KqlParser.parseEntityReference("cluster('c').table('d')"))
                .isInstanceOf(KqlSyntaxException.class).hasMessageContaining("expected database('...')");
    }
}
