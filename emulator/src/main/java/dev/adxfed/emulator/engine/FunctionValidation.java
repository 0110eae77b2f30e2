package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.EntityGroup;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.SortKey;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every table a function body names exists where it names it: unqualified names in the function's
 * database, {@code cluster().database().T} on that cluster, and {@code X.T} in every member of the
 * macro-expanded entity group (a member may lack it with isfuzzy; an unreachable member is skipped with
 * best_effort). Names bound by let, parameters and {@code as} need nothing.
 */
final class FunctionValidation {
    private final Scope scope;
    private final Set<String> localNames = new HashSet<>();
    private final Map<String, List<EntityReference>> groups = new HashMap<>();

    FunctionValidation(Scope scope) {
        this.scope = scope;
    }

    void validate(List<FunctionParameter> parameters, List<Statement> body) {
        parameters.forEach(p -> localNames.add(p.name()));
        statements(body, null, null);
    }

    /** {@code entityScope}/{@code entity} are set inside a macro-expand body, for {@code X.T}. */
    private void statements(List<Statement> body, String entityScope, Location entity) {
        for (Statement s : body) {
            if (s instanceof Statement.Let let) {
                localNames.add(let.name());
                if (let.value() instanceof Statement.TabularValue t) {
                    tabular(t.expression(), entityScope, entity);
                } else if (let.value() instanceof Statement.ScalarValue v) {
                    scalar(v.expression(), entityScope, entity);
                } else if (let.value() instanceof Statement.EntityGroupValue g) {
                    groups.put(let.name(), inline(g.group()));
                } else if (let.value() instanceof Statement.FunctionValue f) {
                    f.parameters().forEach(p -> localNames.add(p.name()));
                    statements(f.body(), entityScope, entity);
                }
            } else if (s instanceof Statement.Tabular t) {
                tabular(t.expression(), entityScope, entity);
            } else if (s instanceof Statement.Scalar sc) {
                scalar(sc.expression(), entityScope, entity);
            }
        }
    }

    private void tabular(TabularExpression e, String entityScope, Location entity) {
        if (e instanceof TabularExpression.Pipe p) {
            tabular(p.input(), entityScope, entity);
            operator(p.operator(), entityScope, entity);
        } else if (e instanceof TabularExpression.TableName n) {
            if (!localNames.contains(n.name()) && !Invocations.exists(scope, scope.location(), n.name())) {
                throw SemanticErrors.unresolvedTable(n.name());
            }
        } else if (e instanceof TabularExpression.QualifiedTable q) {
            Location at = q.cluster() == null
                    ? new Location(scope.location().clusterEndpoint(), scope.location().snapshot(), q.database())
                    : scope.session().locate(q.cluster(), q.database());
            if (!Invocations.exists(scope, at, q.table())) {
                throw KustoError.semantic(SemanticErrors.UNRESOLVED, "Failed to resolve table or column expression named '" + q.table()
                        + "' in " + at.describe());
            }
        } else if (e instanceof TabularExpression.FunctionCall f) {
            boolean builtIn = f.function().equals("table") || f.function().equals("materialize");
            if (!builtIn && !localNames.contains(f.function()) && !Invocations.exists(scope, scope.location(), f.function())) {
                throw SemanticErrors.unknownFunction(f.function());
            }
            f.arguments().forEach(a -> scalar(a, entityScope, entity));
        } else if (e instanceof TabularExpression.ScopedTable s) {
            if (entity == null || !s.scope().equals(entityScope)) {
                throw SemanticErrors.unresolvedTable(s.scope() + "." + s.table());
            }
            if (!Invocations.exists(scope, entity, s.table())) {
                throw KustoError.semantic(SemanticErrors.UNRESOLVED, "Failed to resolve table or column expression named '" + s.table()
                        + "' in entity " + entity.describe());
            }
        } else if (e instanceof TabularExpression.Union u) {
            union(u.options(), u.tables(), entityScope, entity);
        } else if (e instanceof TabularExpression.MacroExpand m) {
            macroExpand(m);
        } else if (e instanceof TabularExpression.Print p) {
            p.columns().forEach(c -> scalar(c.expression(), entityScope, entity));
        }
    }

    private void union(TabularExpression.UnionOptions options, List<TabularExpression> tables, String entityScope, Location entity) {
        KustoError last = null;
        int resolved = 0;
        for (TabularExpression t : tables) {
            try {
                tabular(t, entityScope, entity);
                resolved++;
            } catch (KustoError e) {
                if (!options.isFuzzy()) {
                    throw e;
                }
                last = e;
            }
        }
        if (resolved == 0 && last != null) {
            throw last;
        }
    }

    private void macroExpand(TabularExpression.MacroExpand m) {
        List<EntityReference> members;
        if (m.group() instanceof TabularExpression.InlineEntityGroup g) {
            members = inline(g);
        } else {
            String name = ((TabularExpression.NamedEntityGroup) m.group()).name();
            members = groups.containsKey(name) ? groups.get(name) : scope.location().localDatabase()
                    .flatMap(db -> db.entityGroup(name)).map(EntityGroup::entities)
                    .orElseThrow(() -> KustoError.semantic(SemanticErrors.UNRESOLVED, "Failed to resolve entity group '" + name + "'"));
        }
        int usable = 0;
        KustoError missing = null;
        for (EntityReference member : members) {
            Location at = scope.session().locate(member.cluster(), member.database());
            try {
                statements(m.body(), m.scope(), at);
                usable++;
            } catch (RemoteClusters.ClusterUnreachable e) {
                if (!m.options().bestEffort()) {
                    throw e;
                }
            } catch (KustoError e) {
                if (!m.options().isFuzzy() || !e.errorCode().equals(SemanticErrors.UNRESOLVED)) {
                    throw e;
                }
                missing = e;
            }
        }
        if (usable == 0 && missing != null) {
            throw missing;
        }
    }

    private List<EntityReference> inline(TabularExpression.InlineEntityGroup g) {
        String here = scope.location().clusterEndpoint();
        return g.entities().stream().map(r -> new EntityReference(r.cluster() == null ? here : r.cluster(), r.database())).toList();
    }

    private void operator(TabularOperator o, String entityScope, Location entity) {
        List<Expression> expressions = new ArrayList<>();
        if (o instanceof TabularOperator.Join j) {
            tabular(j.right(), entityScope, entity);
        } else if (o instanceof TabularOperator.Union u) {
            union(u.options(), u.tables(), entityScope, entity);
        } else if (o instanceof TabularOperator.Lookup l) {
            tabular(l.right(), entityScope, entity);
        } else if (o instanceof TabularOperator.MvApply m) {
            tabular(m.subquery(), entityScope, entity);
        } else if (o instanceof TabularOperator.As a) {
            localNames.add(a.name());
        } else if (o instanceof TabularOperator.Where w) {
            expressions.add(w.predicate());
        } else if (o instanceof TabularOperator.Extend x) {
            x.columns().stream().map(NamedExpression::expression).forEach(expressions::add);
        } else if (o instanceof TabularOperator.Project p) {
            p.columns().stream().map(NamedExpression::expression).forEach(expressions::add);
        } else if (o instanceof TabularOperator.Summarize s) {
            s.aggregates().stream().map(NamedExpression::expression).forEach(expressions::add);
            s.by().stream().map(NamedExpression::expression).forEach(expressions::add);
        } else if (o instanceof TabularOperator.Sort s) {
            s.by().stream().map(SortKey::expression).forEach(expressions::add);
        }
        expressions.forEach(x -> scalar(x, entityScope, entity));
    }

    /** Tables named inside scalars: {@code toscalar(T | ...)} and {@code x in (T | project c)}. */
    private void scalar(Expression e, String entityScope, Location entity) {
        if (e instanceof Expression.TabularValue t) {
            tabular(t.tabular(), entityScope, entity);
        } else if (e instanceof Expression.Binary b) {
            scalar(b.left(), entityScope, entity);
            scalar(b.right(), entityScope, entity);
        } else if (e instanceof Expression.Call c) {
            c.arguments().forEach(a -> scalar(a, entityScope, entity));
        } else if (e instanceof Expression.In i) {
            scalar(i.value(), entityScope, entity);
            i.candidates().forEach(a -> scalar(a, entityScope, entity));
        } else if (e instanceof Expression.Negate n) {
            scalar(n.operand(), entityScope, entity);
        } else if (e instanceof Expression.Between b) {
            scalar(b.value(), entityScope, entity);
        }
    }
}
