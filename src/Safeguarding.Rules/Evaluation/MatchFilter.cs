using System.Collections.Concurrent;
using System.Linq.Expressions;
using NRules.RuleModel;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// Which facts can match a compiled rule at all, read from the rules' own declared conditions, so that an evaluation
/// inserts into its sessions only facts that can. Every fact inserted costs a session a wrapper, a working-memory entry
/// and its alpha conditions whether or not any rule ever matches it; at the generator's rates most offenders and most
/// child-protection records match none (an in-custody offender with nothing due, an accompanied interview).
/// </summary>
/// <remarks>
/// A type's facts are filtered only when every pattern that can match them (a pattern of the type or of a base type) is
/// the whole left-hand side of its rule: one pattern over inserted facts, each condition over that fact alone. A fact
/// that fails the conditions of each such pattern then activates no rule and takes part in no join, aggregate,
/// negation or existence test, so leaving it out changes no finding. A type matched anywhere else (a join, <c>Not</c>,
/// <c>Exists</c>, <c>All</c>, a <c>Query</c>, an <c>Or</c>) is never filtered; nor is one whose pattern holds an
/// expression other than a condition. A condition that throws keeps the fact, so the session reports the failure as
/// it would have. The filter follows the rule set it is built from: switched-off rules drop out, and a host rule that
/// joins a fact type turns that type's filter off.
/// </remarks>
internal sealed class MatchFilter(IReadOnlyList<IRuleDefinition>? rules)
{
    /// <summary>The name NRules gives a pattern's conditions in the rule model.</summary>
    private const string ConditionName = "Condition";

    private readonly ConcurrentDictionary<Type, Func<object, bool>?> _byType = new();

    /// <summary>A filter that keeps every fact (for tests that need a partition's every fact in a session).</summary>
    public static MatchFilter None { get; } = new(null);

    /// <summary>The test for facts of exactly <paramref name="type"/>, or <see langword="null"/> when every such fact must be inserted.</summary>
    public Func<object, bool>? For(Type type) => rules is null ? null : _byType.GetOrAdd(type, Build, rules);

    /// <summary>Whether <paramref name="fact"/> can match a rule (or cannot be ruled out).</summary>
    public bool MayMatch(object fact) => For(fact.GetType()) is not { } test || Passes(test, fact);

    /// <summary>Runs <paramref name="test"/>; a condition that throws keeps the fact, for the session to report.</summary>
    public static bool Passes(Func<object, bool> test, object fact)
    {
        try
        {
            return test(fact);
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static Func<object, bool>? Build(Type type, IReadOnlyList<IRuleDefinition> rules)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var typed = Expression.Variable(type, "typed");
        Expression? any = null;
        foreach (var rule in rules)
        {
            var lhs = rule.LeftHandSide;
            if (lhs.ChildElements.Count == 1 && lhs.ChildElements[0] is PatternElement { Source: null } pattern && pattern.ValueType.IsAssignableFrom(type))
            {
                Expression all = Expression.Constant(true);
                foreach (var expression in pattern.Expressions)
                {
                    var lambda = expression.Expression;
                    if (expression.Name != ConditionName || lambda.Parameters.Count != 1 || lambda.ReturnType != typeof(bool)
                        || lambda.Parameters[0].Name != pattern.Declaration.Name || !lambda.Parameters[0].Type.IsAssignableFrom(type))
                    {
                        return null;
                    }

                    var argument = lambda.Parameters[0].Type == type ? (Expression)typed : Expression.Convert(typed, lambda.Parameters[0].Type);
                    all = Expression.AndAlso(all, new Rebinder(lambda.Parameters[0], argument).Visit(lambda.Body));
                }

                any = any is null ? all : Expression.OrElse(any, all);
            }
            else if (Mentions(lhs, type))
            {
                return null;
            }
        }

        if (any is null)
        {
            // No rule matches the type at all.
            return static _ => false;
        }

        var body = Expression.Block([typed], Expression.Assign(typed, Expression.Convert(fact, type)), any);
        return Expression.Lambda<Func<object, bool>>(body, fact).Compile();
    }

    /// <summary>Whether any pattern under <paramref name="element"/> can match a fact of <paramref name="type"/>; an element of a kind not known here counts as one that can.</summary>
    private static bool Mentions(RuleElement element, Type type) => element switch
    {
        PatternElement pattern => pattern.ValueType.IsAssignableFrom(type) || (pattern.Source is { } source && Mentions(source, type)),
        AggregateElement aggregate => Mentions(aggregate.Source, type),
        GroupElement group => group.ChildElements.Any(child => Mentions(child, type)),
        NotElement not => Mentions(not.Source, type),
        ExistsElement exists => Mentions(exists.Source, type),
        ForAllElement forAll => Mentions(forAll.BasePattern, type) || forAll.Patterns.Any(p => Mentions(p, type)),
        BindingElement => false,
        _ => true,
    };

    /// <summary>Replaces a condition's parameter with the fact being tested.</summary>
    private sealed class Rebinder(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
