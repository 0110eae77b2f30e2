package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.SdkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hash_sha256} and {@code hash_md5} through the Java SDK, against the digests in Kusto's documentation
 * and digests computed here by {@link MessageDigest}, in queries and after a piped management command.
 */
class DigestFunctionsTest {
    private static final String DB = "Metrics";
    private static Emulator emulator;
    private static SdkSession kusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(new EmulatorConfig("127.0.0.1", List.of(new EmulatorConfig.ClusterConfig("hub", 0,
                List.of(new EmulatorConfig.DatabaseConfig(DB, false, List.of(), List.of())))), null));
        kusto = new SdkSession(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        emulator.close();
        kusto.assertParsersAgree();
    }

    @Test
    void theDigestsOfKustosDocumentedExamples() {
        SdkSession.Rows rows = kusto.query(DB, "print h1 = hash_sha256(\"World\"), h2 = hash_sha256(datetime(2020-01-01)),"
                + " m1 = hash_md5(\"World\"), m2 = hash_md5(datetime(2020-01-01))");

        assertThat(rows.single("h1")).isEqualTo("78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524");
        assertThat(rows.single("h2")).isEqualTo("ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d");
        assertThat(rows.single("m1")).isEqualTo("f5a7924e621e84c9280a9a27e1bcb7f6");
        assertThat(rows.single("m2")).isEqualTo("786c530672d1f8db31fee25ea8a9390b");
    }

    @Test
    void aStringHashesItsUtf8BytesAndANumberItsText() throws Exception {
        String text = "Zürich ✓ 東京";
        SdkSession.Rows rows = kusto.query(DB, "print s = hash_sha256(\"" + text + "\"), m = hash_md5(\"" + text + "\"),"
                + " e = hash_sha256(\"\"), n = hash_md5(42)");

        assertThat(rows.single("s")).isEqualTo(digest("SHA-256", text));
        assertThat(rows.single("m")).isEqualTo(digest("MD5", text));
        assertThat(rows.single("e")).isEqualTo(digest("SHA-256", ""));
        assertThat(rows.single("n")).isEqualTo(digest("MD5", "42"));
    }

    @Test
    void aPipedShowFunctionsFingerprintsEachBody() throws Exception {
        kusto.mgmt(DB, ".create-or-alter function with (folder = \"federated\") Cpu() { print x = 1 }");
        kusto.mgmt(DB, ".create-or-alter function with (folder = \"federated\") Memory(n: long) { print y = n }");
        SdkSession.Rows bodies = kusto.mgmt(DB, ".show functions | where Folder == \"federated\" | project Name, Body | order by Name asc");

        SdkSession.Rows hashes = kusto.mgmt(DB, ".show functions | where Folder == \"federated\""
                + " | project Name, Parameters, BodyHash = hash_sha256(Body) | order by Name asc");

        assertThat(hashes.column("Name")).containsExactly("Cpu", "Memory");
        assertThat(hashes.column("Parameters")).containsExactly("()", "(n:long)");
        assertThat(hashes.column("BodyHash")).containsExactly(digest("SHA-256", (String) bodies.column("Body").get(0)),
                digest("SHA-256", (String) bodies.column("Body").get(1)));
    }

    private static String digest(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
