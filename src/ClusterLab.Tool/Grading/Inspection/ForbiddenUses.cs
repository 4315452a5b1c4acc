using Microsoft.CodeAnalysis;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// Forbidden-member flags. A question's answer is every student cell that belongs to it (<see cref="CodeCell.QuestionId"/>,
/// or a cell that declares one of its answer names), together with the student cells those rely on: cells whose
/// declarations they use, and cells that assign script variables they use. A forbidden use in any of them flags the question.
/// </summary>
internal static class ForbiddenUses
{
    public static void Add(FlagList flags, IReadOnlyList<CodeCell> cells, CellFacts?[] facts, InspectionRules rules,
        Compilation? compilation, IReadOnlyList<string> referencePaths)
    {
        if (compilation is null || rules.Forbidden.Count == 0) return;
        var questions = new HashSet<string?>(cells.Where(c => c.Student).Select(c => c.QuestionId));
        foreach (var q in rules.Forbidden.Keys.Concat(rules.AnswerNames.Values))
            if (q != InspectionRules.AllQuestions) questions.Add(q);
        foreach (var question in questions)
        {
            var patterns = rules.ForbiddenFor(question);
            if (patterns.Count == 0) continue;
            var targets = patterns.Select(p => PatternTargets.Of(p, compilation, referencePaths)).ToList();
            var relevant = Relevant(question, cells, facts, rules);
            var reflection = relevant.Any(i => facts[i]!.UsesReflection);
            var who = question is null ? "this assignment" : $"question {question}";
            foreach (var i in relevant)
            {
                var f = facts[i]!;
                var suffix = cells[i].QuestionId == question ? "" : " (the answer relies on this cell)";
                foreach (var use in f.Uses)
                    for (var k = 0; k < patterns.Count; k++)
                        if (use.Symbol is { } s ? patterns[k].Matches(s) : patterns[k].MatchesText(use.Qualifier, use.Name, targets[k].PathIsType))
                        {
                            var member = use.Symbol is { } b ? CellScanner.Display(b) : use.Qualifier is null ? use.Name : $"{use.Qualifier}.{use.Name}";
                            flags.Add(FlagKind.Forbidden, cells[i], question, member, $"uses {member}, which {who} does not allow{suffix}");
                            break;
                        }
                if (!reflection) continue;
                foreach (var text in f.Names.Where(t => t.Length > 0))
                    for (var k = 0; k < patterns.Count; k++)
                        if (patterns[k].NamedBy(text, targets[k].Names))
                            flags.Add(FlagKind.Forbidden, cells[i], question, patterns[k].Text,
                                $"names {patterns[k].Text} in a string used with reflection, which {who} does not allow{suffix}");
            }
        }
    }

    /// <summary>The student cells that make up <paramref name="question"/>'s answer (see the class summary).</summary>
    public static IReadOnlyList<int> Relevant(string? question, IReadOnlyList<CodeCell> cells, CellFacts?[] facts, InspectionRules rules)
    {
        var set = new SortedSet<int>();
        var work = new Queue<int>();
        for (var i = 0; i < cells.Count; i++)
            if (facts[i] is { } f && (cells[i].QuestionId == question ||
                question is not null && f.Declared.Any(n => rules.AnswerNames.GetValueOrDefault(n) == question)))
                if (set.Add(i)) work.Enqueue(i);
        while (work.TryDequeue(out var i))
        {
            var f = facts[i]!;
            var next = f.DependsOn.Where(d => facts[d] is not null).ToList();
            for (var j = 0; j < cells.Count; j++)
                if (facts[j] is { } other && other.Writes.Overlaps(f.Reads.Concat(f.Writes))) next.Add(j);
            foreach (var j in next)
                if (set.Add(j)) work.Enqueue(j);
        }
        return [.. set];
    }
}
