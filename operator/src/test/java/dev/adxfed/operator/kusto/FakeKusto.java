package dev.adxfed.operator.kusto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted cluster for tests of the passes: answers each command with the first handler whose
 * predicate matches, records every text it was sent, and fails texts it was told to fail.
 */
public final class FakeKusto implements Kusto {

    public record Sent(String database, String text) {}

    private record Handler(Predicate<String> matches, Function<Sent, List<Map<String, Object>>> answer) {}

    private final String endpoint;
    private final List<Handler> handlers = new ArrayList<>();
    private final List<Predicate<String>> failing = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    public FakeKusto(String endpoint) {
        this.endpoint = endpoint;
    }

    public FakeKusto on(Predicate<String> matches, Function<Sent, List<Map<String, Object>>> answer) {
        handlers.add(new Handler(matches, answer));
        return this;
    }

    public FakeKusto failing(Predicate<String> matches) {
        failing.add(matches);
        return this;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public List<KustoRow> mgmt(Stage stage, String database, String command) {
        return answer(stage, database, command).stream().map(FakeKusto::row).toList();
    }

    @Override
    public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
        answer(stage, database, query).forEach(r -> rows.accept(row(r)));
    }

    private List<Map<String, Object>> answer(Stage stage, String database, String text) {
        Sent call = new Sent(database, text);
        sent.add(call);
        if (failing.stream().anyMatch(p -> p.test(text))) {
            throw new KustoException(stage, endpoint, database, "refused by the test", null);
        }
        return handlers.stream().filter(h -> h.matches().test(text)).findFirst()
                .orElseThrow(() -> new KustoException(stage, endpoint, database, "no answer for " + text, null))
                .answer().apply(call);
    }

    private static KustoRow row(Map<String, Object> values) {
        return values::get;
    }
}
