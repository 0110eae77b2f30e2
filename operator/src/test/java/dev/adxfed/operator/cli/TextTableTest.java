package dev.adxfed.operator.cli;

import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    /** A v1 (management) response as Kusto writes it, read by the SDK itself. */
    private static KustoResultSetTable table(String columns, String rows) throws KustoServiceQueryError {
        String json = "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[" + columns + "],\"Rows\":[" + rows + "]}]}";
        return new KustoOperationResult(json, "v1").getPrimaryResults();
    }

    @Test
    void alignsColumnsAndRightAlignsNumbers() throws Exception {
        KustoResultSetTable t = table(
                "{\"ColumnName\":\"Host\",\"DataType\":\"String\",\"ColumnType\":\"string\"},"
                        + "{\"ColumnName\":\"Samples\",\"DataType\":\"Int64\",\"ColumnType\":\"long\"}",
                "[\"eastus-web-1\",12],[\"w2\",1234]");

        assertThat(TextTable.of(t, 10).render()).isEqualTo("""
                Host          Samples
                ------------  -------
                eastus-web-1       12
                w2               1234
                (2 rows)
                """);
    }

    @Test
    void showsNullsAsEmptyDynamicAsJsonAndCutsLongCells() throws Exception {
        String longText = "x".repeat(200);
        KustoResultSetTable t = table(
                "{\"ColumnName\":\"Schema\",\"DataType\":\"Object\",\"ColumnType\":\"dynamic\"},"
                        + "{\"ColumnName\":\"Note\",\"DataType\":\"String\",\"ColumnType\":\"string\"}",
                "[{\"database\":\"Metrics\"},null],[null,\"" + longText + "\"],[null,\"two\\nlines\"]");

        String text = TextTable.of(t, 10).render();

        assertThat(text).contains("{\"database\":\"Metrics\"}").contains("two lines").contains("x".repeat(TextTable.MAX_CELL - 3) + "...")
                .doesNotContain("x".repeat(TextTable.MAX_CELL - 2)).doesNotContain("null");
    }

    @Test
    void saysHowManyRowsWereLeftOut() throws Exception {
        KustoResultSetTable t = table("{\"ColumnName\":\"N\",\"DataType\":\"Int32\",\"ColumnType\":\"int\"}", "[1],[2],[3]");

        String text = TextTable.of(t, 2).render();

        assertThat(text).endsWith("\n1\n2\n(2 of 3 rows shown)\n");
        assertThat(TextTable.of(t, 5).render()).endsWith("\n2\n3\n(3 rows)\n");
    }
}
