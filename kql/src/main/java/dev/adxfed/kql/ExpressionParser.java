package dev.adxfed.kql;

import dev.adxfed.kql.syntax.BinaryOperator;
import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scalar expressions, one method per precedence level: or, and, equality and string operators, relational, additive, multiplicative, unary, postfix, primary. */
final class ExpressionParser {

    private static final Map<String, BinaryOperator> WORD_OPERATORS = new HashMap<>();

    static {
        for (BinaryOperator op : BinaryOperator.values()) {
            if (Character.isLetter(op.text().charAt(0)) || op.text().startsWith("!") && op.text().length() > 2) {
                WORD_OPERATORS.put(op.text(), op);
            }
        }
        WORD_OPERATORS.remove("and");
        WORD_OPERATORS.remove("or");
        WORD_OPERATORS.remove("matches regex");
    }

    private final QueryParser parser;
    private final TokenCursor t;

    ExpressionParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    // ---- scalar expressions, one method per precedence level

    Expression expression() {
        return or();
    }

    private Expression or() {
        Expression left = and();
        while (t.check("or")) {
            Token op = t.advance();
            left = new Expression.Binary(t.position(op), BinaryOperator.OR, left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = equality();
        while (t.check("and")) {
            Token op = t.advance();
            left = new Expression.Binary(t.position(op), BinaryOperator.AND, left, equality());
        }
        return left;
    }

    private Expression equality() {
        Expression left = relational();
        while (true) {
            Token op = t.peek();
            SourcePosition position = t.position(op);
            if (op.is("==") || op.is("!=") || op.is("=~") || op.is("!~")) {
                t.advance();
                BinaryOperator operator = switch (op.text()) {
                    case "==" -> BinaryOperator.EQUAL;
                    case "!=" -> BinaryOperator.NOT_EQUAL;
                    case "=~" -> BinaryOperator.EQUAL_IGNORE_CASE;
                    default -> BinaryOperator.NOT_EQUAL_IGNORE_CASE;
                };
                left = new Expression.Binary(position, operator, left, relational());
            } else if (op.kind() == Token.Kind.WORD && WORD_OPERATORS.containsKey(op.text())) {
                t.advance();
                left = new Expression.Binary(position, WORD_OPERATORS.get(op.text()), left, relational());
            } else if (op.is("matches") && t.peek(1).is("regex")) {
                t.advance();
                t.advance();
                left = new Expression.Binary(position, BinaryOperator.MATCHES_REGEX, left, relational());
            } else if (op.kind() == Token.Kind.WORD && inOperator(op.text()) != null) {
                t.advance();
                left = new Expression.In(position, inOperator(op.text()), left, inCandidates());
            } else if (op.is("between") || op.is("!between")) {
                t.advance();
                t.expect("(");
                Expression low = relational();
                t.expect("..");
                Expression high = relational();
                t.expect(")");
                left = new Expression.Between(position, op.is("!between"), left, low, high);
            } else {
                return left;
            }
        }
    }

    private static Expression.InOperator inOperator(String word) {
        for (Expression.InOperator op : Expression.InOperator.values()) {
            if (op.text().equals(word)) {
                return op;
            }
        }
        return null;
    }

    /** {@code (a, b, c)} or a tabular expression in parentheses, {@code (T | project x)}. */
    private List<Expression> inCandidates() {
        Token open = t.expect("(");
        int mark = t.mark();
        try {
            List<Expression> candidates = new ArrayList<>();
            do {
                candidates.add(expression());
            } while (t.match(","));
            if (t.check(")") && !(candidates.size() == 1 && parser.looksTabular(candidates.get(0)))) {
                t.advance();
                return candidates;
            }
        } catch (KqlSyntaxException e) {
            // not a list of scalars: try a tabular expression below
        }
        t.reset(mark);
        TabularExpression tabular = parser.tabularExpression();
        t.expect(")");
        return List.of(new Expression.TabularValue(t.position(open), tabular));
    }

    private Expression relational() {
        Expression left = additive();
        while (t.check("<") || t.check("<=") || t.check(">") || t.check(">=")) {
            Token op = t.advance();
            BinaryOperator operator = switch (op.text()) {
                case "<" -> BinaryOperator.LESS;
                case "<=" -> BinaryOperator.LESS_OR_EQUAL;
                case ">" -> BinaryOperator.GREATER;
                default -> BinaryOperator.GREATER_OR_EQUAL;
            };
            left = new Expression.Binary(t.position(op), operator, left, additive());
        }
        return left;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (t.check("+") || t.check("-")) {
            Token op = t.advance();
            BinaryOperator operator = op.is("+") ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
            left = new Expression.Binary(t.position(op), operator, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (t.check("*") || t.check("/") || t.check("%")) {
            Token op = t.advance();
            BinaryOperator operator = switch (op.text()) {
                case "*" -> BinaryOperator.MULTIPLY;
                case "/" -> BinaryOperator.DIVIDE;
                default -> BinaryOperator.MODULO;
            };
            left = new Expression.Binary(t.position(op), operator, left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (t.check("-") || t.check("+")) {
            Token op = t.advance();
            if (t.check("-") || t.check("+")) {
                throw t.error(t.peek(), "expected an expression after '" + op.text() + "'");
            }
            Expression operand = unary();
            if (op.is("-") && operand instanceof Expression.Literal literal && literal.value() != null) {
                Object negated = negatedNumber(literal.value());
                if (negated != null) {
                    return new Expression.Literal(t.position(op), literal.type(), negated);
                }
            }
            return new Expression.Negate(t.position(op), op.is("-"), operand);
        }
        return postfix();
    }

    /** {@code -1}, {@code -1.5}, {@code -1h} become negative literals, so that datatable rows hold plain values. */
    private static Object negatedNumber(Object value) {
        if (value instanceof Long l) {
            return -l;
        }
        if (value instanceof Integer i) {
            return -i;
        }
        if (value instanceof Double d) {
            return -d;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.negate();
        }
        if (value instanceof java.time.Duration d) {
            return d.negated();
        }
        return null;
    }

    private Expression postfix() {
        Expression e = primary();
        while (true) {
            if (t.check(".") && t.peek(1).is("[")) {
                t.advance();
                Token open = t.advance();
                Expression index = expression();
                t.expect("]");
                e = new Expression.Index(t.position(open), e, index);
            } else if (t.check(".") && !t.peek(1).is("(")) {
                Token dot = t.advance();
                e = new Expression.Member(t.position(dot), e, t.expectName("a property name after '.'"));
            } else if (t.peek().kind() == Token.Kind.BRACKETED_NAME) {
                Token index = t.advance();
                e = new Expression.Index(t.position(index), e,
                        new Expression.Literal(t.source().position(index.start() + 1), LiteralType.STRING, index.name()));
            } else if (t.check("[")) {
                Token open = t.advance();
                Expression index = expression();
                t.expect("]");
                e = new Expression.Index(t.position(open), e, index);
            } else {
                return e;
            }
        }
    }

    private Expression primary() {
        Token token = t.peek();
        SourcePosition position = t.position(token);
        if (token.kind() == Token.Kind.LITERAL) {
            t.advance();
            if (token.literalType() == LiteralType.STRING) {
                StringBuilder value = new StringBuilder((String) token.value());
                while (t.peek().kind() == Token.Kind.LITERAL && t.peek().literalType() == LiteralType.STRING) {
                    value.append((String) t.advance().value());
                }
                return new Expression.Literal(position, LiteralType.STRING, value.toString());
            }
            return new Expression.Literal(position, token.literalType(), token.value());
        }
        if (token.is("(")) {
            t.advance();
            Expression inner = expression();
            t.expect(")");
            return inner;
        }
        if (token.is("*")) {
            t.advance();
            return new Expression.Star(position);
        }
        if (token.is("toscalar") && t.peek(1).is("(")) {
            t.advance();
            int mark = t.mark();
            try {
                Token open = t.expect("(");
                TabularExpression tabular = parser.tabularExpression();
                t.expect(")");
                return new Expression.Call(position, "toscalar", List.of(new Expression.TabularValue(t.position(open), tabular)));
            } catch (KqlSyntaxException e) {
                // toscalar(2): a scalar argument, which Kusto also takes
                t.reset(mark);
                return new Expression.Call(position, "toscalar", arguments());
            }
        }
        if ((token.is("cluster") || token.is("database")) && t.peek(1).is("(")) {
            int mark = t.mark();
            try {
                return qualifiedCall();
            } catch (KqlSyntaxException e) {
                // not cluster(...).database(...).F(...): an ordinary call below
                t.reset(mark);
            }
        }
        if (token.is("typeof") && t.peek(1).is("(")) {
            return typeLiteral();
        }
        if (token.kind() == Token.Kind.WORD && t.peek(1).is("(") && !token.text().startsWith("!")) {
            t.advance();
            return new Expression.Call(position, token.text(), arguments());
        }
        if (t.atName()) {
            return new Expression.Name(position, t.expectName("a name"));
        }
        if (token.kind() == Token.Kind.END) {
            throw t.error(token, "expected an expression but the text ended");
        }
        if (token.kind() == Token.Kind.WORD && !Keywords.usableAsName(token.text())) {
            throw t.error(token, "expected an expression; '" + token.text() + "' is a keyword (write ['" + token.text() + "'] for a name)");
        }
        throw t.error(token, "expected an expression");
    }

    private Expression qualifiedCall() {
        Token start = t.peek();
        SourceParser.Qualifier qualifier = parser.qualifier();
        String function = t.expectName("a function name");
        if (!t.check("(")) {
            throw t.error(t.peek(), "expected '(' after the function name");
        }
        return new Expression.QualifiedCall(t.position(start), qualifier.cluster(), qualifier.database(), function, arguments());
    }

    /** {@code typeof(long)}, {@code typeof(*)} or a schema {@code typeof(a:string, *)}. */
    private Expression typeLiteral() {
        Token start = t.expect("typeof");
        t.expect("(");
        List<ColumnDeclaration> columns = new ArrayList<>();
        do {
            Token column = t.peek();
            if (t.match("*")) {
                columns.add(new ColumnDeclaration(t.position(column), "*", null));
            } else if (t.peek(1).is(":")) {
                columns.add(parser.columnDeclaration());
            } else {
                columns.add(new ColumnDeclaration(t.position(column), null, parser.typeName()));
            }
        } while (t.match(","));
        t.expect(")");
        return new Expression.TypeLiteral(t.position(start), columns);
    }

    List<Expression> arguments() {
        t.expect("(");
        List<Expression> arguments = new ArrayList<>();
        if (!t.check(")")) {
            do {
                arguments.add(argument());
            } while (t.match(","));
        }
        t.expect(")");
        return arguments;
    }

    private Expression argument() {
        if (t.peek().isName() && t.peek(1).is("=")) {
            Token name = t.advance();
            t.advance();
            return new Expression.NamedArgument(t.position(name), name.name(), parser.expression());
        }
        int mark = t.mark();
        try {
            Expression e = expression();
            if (t.check(",") || t.check(")")) {
                return e;
            }
        } catch (KqlSyntaxException e) {
            t.reset(mark);
            if (!mayBeTabularArgument()) {
                throw e;
            }
        }
        t.reset(mark);
        if (!mayBeTabularArgument()) {
            expression();
            throw t.error(t.peek(), "expected ',' or ')'");
        }
        Token start = t.peek();
        return new Expression.TabularValue(t.position(start), parser.tabularExpression());
    }

    private boolean mayBeTabularArgument() {
        int mark = t.mark();
        try {
            parser.tabularExpression();
            return t.check(",") || t.check(")");
        } catch (KqlSyntaxException e) {
            return false;
        } finally {
            t.reset(mark);
        }
    }
}
