package dev.adxfed.operator.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpUrlTest {

    private static final String EXAMPLES = "https://x.kusto.windows.net or http://127.0.0.1:8080";

    @Test
    void anHttpOrHttpsUrlWithAHostIsKeptAsGiven() {
        HttpUrl local = HttpUrl.parse(" HTTP://127.0.0.1:8080/path ", EXAMPLES);
        assertThat(local.uri().toString()).isEqualTo("HTTP://127.0.0.1:8080/path");
        assertThat(local.plain()).isTrue();
        assertThat(HttpUrl.parse("https://x.kusto.windows.net", EXAMPLES).plain()).isFalse();
    }

    @Test
    void aWrongSchemeNoHostOrNoUrlAtAllIsNamedWithTheExamples() {
        for (String text : new String[] {"ftp://x.kusto.windows.net", "x.kusto.windows.net", "https:x.kusto.windows.net"}) {
            assertThatThrownBy(() -> HttpUrl.parse(text, EXAMPLES)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not an http(s) URL such as " + EXAMPLES);
        }
        assertThatThrownBy(() -> HttpUrl.parse("https://x y", EXAMPLES))
                .hasMessageStartingWith("'https://x y' is not a URL: ");
    }
}
