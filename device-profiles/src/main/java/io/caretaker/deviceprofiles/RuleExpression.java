package io.caretaker.deviceprofiles;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.ParseException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.Operator;
import org.springframework.expression.spel.ast.OperatorBetween;
import org.springframework.expression.spel.ast.OperatorInstanceof;
import org.springframework.expression.spel.ast.OperatorMatches;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A rule's condition over several points of a device, in Spring's expression language (SpEL) evaluated with a
 * {@link SimpleEvaluationContext}: names are point ids and parameters, with arithmetic, comparisons,
 * {@code and}/{@code or}/{@code not}, {@code ?:} and the functions {@code #abs}, {@code #min}, {@code #max}, and
 * {@code #lowest('point', minutes)} and {@code #highest('point', minutes)}: a point's lowest and highest GOOD reading
 * over the last minutes, from the {@link Recent} readings its rule state keeps. Anything else SpEL can do (methods,
 * types, constructors, beans, assignment, regular expressions) is refused when the profile is read, so a profile
 * cannot reach into the hub. Not for concurrent use: each rule state has its own.
 */
public final class RuleExpression {

    /** The functions an expression may call, as {@code #name(...)}. */
    public static final Set<String> FUNCTIONS = Set.of("abs", "min", "max", "lowest", "highest");

    /** A point's recent readings, for {@code #lowest} and {@code #highest}. */
    public interface Recent {

        /** The lowest reading of {@code point} over the last {@code minutes}, or NaN when there is none. */
        double lowest(String point, double minutes);

        /** The highest reading of {@code point} over the last {@code minutes}, or NaN when there is none. */
        double highest(String point, double minutes);
    }

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Map<String, MethodHandle> FUNCTION_HANDLES = functionHandles();

    private final String text;
    private final SpelExpression expression;
    private final Set<String> names;
    private final Set<String> recentPoints;
    private final EvaluationContext context = context();
    private Recent recent;

    private RuleExpression(String text, SpelExpression expression, Set<String> names, Set<String> recentPoints) {
        this.text = text;
        this.expression = expression;
        this.names = names;
        this.recentPoints = recentPoints;
    }

    /**
     * Parses an expression and checks that it uses only what a rule may use.
     *
     * @throws IllegalArgumentException naming what is wrong and how to write it instead
     */
    public static RuleExpression parse(String text) {
        SpelExpression expression;
        try {
            expression = (SpelExpression) PARSER.parseExpression(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a valid expression: " + e.getSimpleMessage()
                    + " (at character " + (e.getPosition() + 1) + " of '" + text + "')", e);
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> recentPoints = new LinkedHashSet<>();
        allowedOnly(expression.getAST(), text, names, recentPoints);
        return new RuleExpression(text, expression, Collections.unmodifiableSet(names), Collections.unmodifiableSet(recentPoints));
    }

    /** The point and parameter names the expression reads, in order of first use (the points of #lowest and #highest too). */
    public Set<String> names() {
        return names;
    }

    /** The points whose recent readings the expression reads through #lowest or #highest. */
    public Set<String> recentPoints() {
        return recentPoints;
    }

    public String text() {
        return text;
    }

    /**
     * The expression's verdict for these values (point and parameter name → Double, Boolean or String).
     *
     * @throws IllegalArgumentException when the expression does not give true or false for them (a boolean compared
     *                                  with a number, a name without a value)
     */
    public boolean test(Map<String, ?> values) {
        return test(values, new LatestOnly(values));
    }

    /**
     * The expression's verdict for these values, with {@code #lowest} and {@code #highest} read from {@code recent}.
     *
     * @throws IllegalArgumentException as {@link #test(Map)}
     */
    public boolean test(Map<String, ?> values, Recent recent) {
        Object result;
        this.recent = recent;
        try {
            result = expression.getValue(context, values);
        } catch (EvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            this.recent = null;
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("gives " + (result == null ? "nothing" : "'" + result + "'")
                + " rather than true or false; end it with a comparison such as '> 2'");
    }

    private EvaluationContext context() {
        SimpleEvaluationContext context = SimpleEvaluationContext.forPropertyAccessors(new ValueAccessor()).build();
        FUNCTION_HANDLES.forEach(context::setVariable);
        try {
            MethodType recentType = MethodType.methodType(double.class, String.class, double.class);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            context.setVariable("lowest", lookup.findVirtual(RuleExpression.class, "lowest", recentType).bindTo(this));
            context.setVariable("highest", lookup.findVirtual(RuleExpression.class, "highest", recentType).bindTo(this));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    private double lowest(String point, double minutes) {
        return recent.lowest(point, minutes);
    }

    private double highest(String point, double minutes) {
        return recent.highest(point, minutes);
    }

    private static void allowedOnly(SpelNode node, String text, Set<String> names, Set<String> recentPoints) {
        if (node instanceof PropertyOrFieldReference name) {
            names.add(name.getName());
        } else if (node instanceof FunctionReference function) {
            String called = function.toStringAST().replaceFirst("^#", "").replaceFirst("\\(.*", "");
            if (!FUNCTIONS.contains(called)) {
                throw refused(text, node, "calls #" + called + ", which is not a rule function; rule functions are"
                        + " #abs, #min, #max, #lowest, #highest");
            }
            if (called.equals("lowest") || called.equals("highest")) {
                if (function.getChildCount() != 2 || !(function.getChild(0) instanceof StringLiteral point)) {
                    throw refused(text, node, "calls #" + called + " without a point id in quotes and a number of minutes;"
                            + " write #" + called + "('mixed_air_temperature', 15)");
                }
                String id = (String) point.getLiteralValue().getValue();
                names.add(id);
                recentPoints.add(id);
                allowedOnly(function.getChild(1), text, names, recentPoints);
                return;
            }
        } else if (!(node instanceof Literal || node instanceof OperatorNot || node instanceof Ternary
                || (node instanceof Operator && !(node instanceof OperatorBetween || node instanceof OperatorInstanceof
                || node instanceof OperatorMatches || node instanceof OpInc || node instanceof OpDec)))) {
            throw refused(text, node, "uses '" + node.toStringAST() + "', which a rule may not; a rule condition uses point ids,"
                    + " parameters, numbers, arithmetic, comparisons, and/or/not, ?: and #abs, #min, #max, #lowest, #highest");
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            allowedOnly(node.getChild(i), text, names, recentPoints);
        }
    }

    private static IllegalArgumentException refused(String text, SpelNode node, String why) {
        return new IllegalArgumentException(why + " (at character " + (node.getStartPosition() + 1) + " of '" + text + "')");
    }

    private static Map<String, MethodHandle> functionHandles() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodType unary = MethodType.methodType(double.class, double.class);
            MethodType binary = MethodType.methodType(double.class, double.class, double.class);
            return Map.of("abs", lookup.findStatic(Math.class, "abs", unary),
                    "min", lookup.findStatic(Math.class, "min", binary),
                    "max", lookup.findStatic(Math.class, "max", binary));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recent readings that are only the latest value: what {@link #test(Map)} weighs without a rule state's history. */
    private record LatestOnly(Map<String, ?> values) implements Recent {

        @Override
        public double lowest(String point, double minutes) {
            return latest(point);
        }

        @Override
        public double highest(String point, double minutes) {
            return latest(point);
        }

        private double latest(String point) {
            if (values.get(point) instanceof Number number) {
                return number.doubleValue();
            }
            throw new IllegalArgumentException("'" + point + "' has no number to take the lowest or highest of");
        }
    }

    /** Reads a name from the map of values; a name without a value is an error, never a silent null. */
    private static final class ValueAccessor implements PropertyAccessor {

        @Override
        public Class<?>[] getSpecificTargetClasses() {
            return new Class<?>[] {Map.class};
        }

        @Override
        public boolean canRead(EvaluationContext context, Object target, String name) {
            return target instanceof Map;
        }

        @Override
        public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
            Object value = ((Map<?, ?>) target).get(name);
            if (value == null) {
                throw new AccessException("'" + name + "' has no value");
            }
            return new TypedValue(value);
        }

        @Override
        public boolean canWrite(EvaluationContext context, Object target, String name) {
            return false;
        }

        @Override
        public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
            throw new AccessException("rule expressions cannot change '" + name + "'");
        }
    }
}
