package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code macro-expand [kind=...] [isfuzzy=true] [best_effort=true] G as X ( body )}: runs the body once per
 * member of the entity group with {@code X} standing for that member, and unions the results. A member
 * lacking a table fails the query with SEM0100 unless isfuzzy; a member whose cluster does not answer fails
 * it with SEM0056 unless best_effort, given to the operator or to the query ({@code set best_effort=true;}, the
 * request option), which skips both. Skipped members become warnings.
 */
final class MacroExpansion {
    private MacroExpansion() {
    }

    static ResultTable expand(Scope scope, TabularExpression.MacroExpand e) {
        List<EntityReference> members = members(scope, e.group());
        TabularExpression.MacroExpandOptions options = e.options();
        boolean bestEffort = options.bestEffort() || scope.session().bestEffort();
        List<Unions.Part> parts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (EntityReference member : members) {
            Location at = scope.session().locate(member.cluster(), member.database());
            Scope body = scope.child();
            body.bind(e.scope(), new Scope.EntityBinding(at));
            try {
                ResultTable result = scope.session().nested("macro-expand", () -> StatementRunner.run(body, e.body(), "macro-expand"));
                parts.add(new Unions.Part(KqlText.entity(member), result));
            } catch (RemoteClusters.ClusterUnreachable unreachable) {
                if (!bestEffort) {
                    throw KustoError.semantic(SemanticErrors.REMOTE, "macro-expand: entity " + KqlText.entity(member) + ": "
                            + unreachable.getMessage() + " (best_effort=true skips unreachable entities)");
                }
                skipped.add(KqlText.entity(member) + ": " + unreachable.getMessage());
            } catch (KustoError error) {
                if (!(options.isFuzzy() || bestEffort) || !error.errorCode().equals(SemanticErrors.UNRESOLVED)) {
                    throw KustoError.semantic(error.errorCode(), "macro-expand: entity " + KqlText.entity(member) + ": " + stripPrefix(error));
                }
                skipped.add(KqlText.entity(member) + ": " + stripPrefix(error));
            }
        }
        if (parts.isEmpty()) {
            throw KustoError.semantic(SemanticErrors.UNRESOLVED, "macro-expand: no entity of the group could be used"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        skipped.forEach(s -> scope.session().warn("macro-expand skipped entity " + s));
        return Unions.merge(parts, options.kind(), null);
    }

    private static List<EntityReference> members(Scope scope, TabularExpression.EntityGroupSource group) {
        String here = scope.location().clusterEndpoint();
        if (group instanceof TabularExpression.InlineEntityGroup inline) {
            return onCluster(inline.entities(), here);
        }
        String name = ((TabularExpression.NamedEntityGroup) group).name();
        var binding = scope.lookup(name);
        if (binding.isPresent() && binding.get() instanceof Scope.GroupBinding g) {
            return g.entities();
        }
        return scope.location().localDatabase()
                .flatMap(db -> db.entityGroup(name))
                .map(stored -> onCluster(stored.entities(), here))
                .orElseThrow(() -> KustoError.semantic(SemanticErrors.UNRESOLVED, "Failed to resolve entity group '" + name
                        + "' in database '" + scope.location().database() + "'"));
    }

    /** {@code database('d')} alone is a database of the cluster that runs the query. */
    private static List<EntityReference> onCluster(List<EntityReference> entities, String here) {
        return entities.stream().map(r -> r.cluster() == null ? new EntityReference(here, r.database()) : r).toList();
    }

    /** The message without the "Semantic error: CODE: " prefix, so nested errors do not repeat it. */
    private static String stripPrefix(KustoError e) {
        String prefix = "Semantic error: " + e.errorCode() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}
