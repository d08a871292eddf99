using FluxPerf.Datasets.Conversion;

namespace FluxPerf.Datasets.Generation;

/// <summary>
/// Generates U user sessions of R rounds, shaped like LMCache's multi-round QA benchmark: a
/// system prompt shared by all users, a context of each user's own sent with the first
/// question, then one new question per round with the conversation so far as history.
/// </summary>
public static class MultiRoundGenerator
{
    /// <summary>The generator's name in the sidecar.</summary>
    public const string Name = "multi-round";

    /// <summary>Writes the workload and its <c>.expected.json</c> sidecar.</summary>
    /// <param name="options">Sizes, seed and output path.</param>
    /// <param name="cancellationToken">Stops writing between entries.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="DatasetException">A size is out of range; every problem is
    /// listed.</exception>
    public static GenerationSummary Generate(
        MultiRoundOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Plan(options).Write(options.OutputPath, Name, options.Seed, cancellationToken);
    }

    internal static GeneratedWorkload Plan(MultiRoundOptions options)
    {
        Validate(options);
        var random = new Random(options.Seed);
        var firsts = WordSource.Permutation(options.Seed);
        var system = WordSource.Draw(random, options.SystemTokens);
        var sessions = new List<(string Id, List<string[][]> Turns)>();
        var entries = new List<BenchmarkEntry>();
        for (var u = 0; u < options.Users; u++)
        {
            var id = $"user{u}";
            var context = options.ContextTokens == 0
                ? []
                : WordSource.Draw(random, options.ContextTokens, firsts[u % firsts.Count]);
            var questions = Enumerable.Range(0, options.Rounds)
                .Select(r => WordSource.Draw(
                    random,
                    options.QuestionTokens,
                    FirstOfQuestion(firsts, u, r, options)))
                .ToList();
            var turns = questions.Select(q => new[] { q }).ToList();
            turns[0] = [context, questions[0]];
            sessions.Add((id, turns));
            entries.Add(ToEntry(id, system, turns, options));
        }

        return new GeneratedWorkload(entries, PlanRequests(system, sessions, options.Rounds));
    }

    // Offset by the user count so questions never start with a word that opens a context.
    private static string FirstOfQuestion(
        IReadOnlyList<string> firsts,
        int user,
        int round,
        MultiRoundOptions options) =>
        firsts[(user * options.Rounds + round + options.Users) % firsts.Count];

    // Round by round, every user's turn r before any turn r + 1, as users of a chat service
    // progress side by side; the reuse is the same in session-by-session order, because a turn
    // shares more than the system prompt only with earlier turns of its own session.
    private static List<PlannedRequest> PlanRequests(
        string[] system,
        List<(string Id, List<string[][]> Turns)> sessions,
        int rounds)
    {
        var requests = new List<PlannedRequest>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (id, turns) in sessions)
            {
                requests.Add(new PlannedRequest(id, r + 1, History(id, system, turns, r)));
            }
        }

        return requests;
    }

    private static List<PlannedMessage> History(
        string id,
        string[] system,
        List<string[][]> turns,
        int round)
    {
        var messages = new List<PlannedMessage>();
        if (system.Length > 0)
        {
            messages.Add(PlannedMessage.Text(PlannedMessageKind.System, system));
        }

        for (var k = 0; k <= round; k++)
        {
            if (k > 0)
            {
                messages.Add(PlannedMessage.Reply(id, k));
            }

            messages.Add(PlannedMessage.Text(PlannedMessageKind.User, turns[k]));
        }

        return messages;
    }

    private static SessionEntry ToEntry(
        string id,
        string[] system,
        List<string[][]> turns,
        MultiRoundOptions options) =>
        new(
            id,
            system.Length > 0 ? WordSource.Render(system) : null,
            turns.Select(t => WordSource.Render([.. t.SelectMany(c => c)])).ToList(),
            AssistantMessages: null,
            options.MaxTokens);

    private static void Validate(MultiRoundOptions options)
    {
        var limits = new GenerationLimits()
            .AtLeast("--users", options.Users, 1)
            .AtLeast("--rounds", options.Rounds, 1)
            .AtLeast("--system-tokens", options.SystemTokens, 0)
            .AtLeast("--context-tokens", options.ContextTokens, 0)
            .AtLeast("--question-tokens", options.QuestionTokens, 1)
            .AtLeast("--max-tokens", options.MaxTokens ?? 1, 1);
        if (!limits.HasProblems)
        {
            long requests = (long)options.Users * options.Rounds;
            long perUser = options.SystemTokens + options.ContextTokens
                + ((long)options.Rounds * options.QuestionTokens);
            limits
                .AtMost("the number of requests", requests, GenerationLimits.MaxRequests)
                .AtMost(
                    "the total tokens written",
                    perUser * options.Users,
                    GenerationLimits.MaxTotalTokens);
        }

        limits.ThrowIfAny();
    }
}
