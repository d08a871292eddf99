using FluxPerf.Datasets.Conversion;

namespace FluxPerf.Datasets.Generation;

/// <summary>
/// Generates G groups of N prompts: each prompt is its group's prefix of exactly P tokens and
/// its own suffix of exactly S tokens, optionally after a system prompt of T tokens shared by
/// all. The reusable share is known by construction, which is what a cache test needs.
/// </summary>
public static class SharedPrefixGenerator
{
    /// <summary>The generator's name in the sidecar.</summary>
    public const string Name = "shared-prefix";

    /// <summary>Writes the workload and its <c>.expected.json</c> sidecar.</summary>
    /// <param name="options">Sizes, order, seed and output path.</param>
    /// <param name="cancellationToken">Stops writing between entries.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="DatasetException">A size is out of range; every problem is
    /// listed.</exception>
    public static GenerationSummary Generate(
        SharedPrefixOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Plan(options).Write(options.OutputPath, Name, options.Seed, cancellationToken);
    }

    internal static GeneratedWorkload Plan(SharedPrefixOptions options)
    {
        Validate(options);
        var random = new Random(options.Seed);

        // Distinct first words make two groups' prefixes (and two prompts' suffixes) differ from
        // their first token on, so the reuse is exactly the designed prefix and not a word more.
        var firsts = WordSource.Permutation(options.Seed);
        var system = options.SystemTokens > 0
            ? WordSource.Draw(random, options.SystemTokens)
            : null;
        var requests = new List<PlannedRequest>();
        for (var g = 0; g < options.Groups; g++)
        {
            var prefix = options.PrefixTokens == 0
                ? []
                : WordSource.Draw(random, options.PrefixTokens, firsts[g % firsts.Count]);
            for (var p = 0; p < options.PromptsPerGroup; p++)
            {
                var first = firsts[(g * options.PromptsPerGroup + p) % firsts.Count];
                var suffix = WordSource.Draw(random, options.SuffixTokens, first);
                requests.Add(Request($"g{g}-p{p}", system, prefix, suffix));
            }
        }

        var ordered = options.Shuffle ? Sampler.Shuffle(requests, options.Seed) : requests;
        return new GeneratedWorkload(ordered.Select(r => ToEntry(r, options)).ToList(), ordered);
    }

    private static PlannedRequest Request(
        string id,
        string[]? system,
        string[] prefix,
        string[] suffix)
    {
        var messages = new List<PlannedMessage>();
        if (system is not null)
        {
            messages.Add(PlannedMessage.Text(PlannedMessageKind.System, system));
        }

        messages.Add(PlannedMessage.Text(PlannedMessageKind.User, prefix, suffix));
        return new PlannedRequest(id, 1, messages);
    }

    private static BenchmarkEntry ToEntry(PlannedRequest request, SharedPrefixOptions options)
    {
        var user = WordSource.Render(request.Messages[^1].Words);
        if (request.Messages.Count == 1)
        {
            return new SingleTurnEntry(request.Id, user, options.MaxTokens);
        }

        var system = WordSource.Render(request.Messages[0].Words);
        return new SessionEntry(request.Id, system, [user], null, options.MaxTokens);
    }

    private static void Validate(SharedPrefixOptions options)
    {
        var limits = new GenerationLimits()
            .AtLeast("--groups", options.Groups, 1)
            .AtLeast("--prompts-per-group", options.PromptsPerGroup, 1)
            .AtLeast("--prefix-tokens", options.PrefixTokens, 0)
            .AtLeast("--suffix-tokens", options.SuffixTokens, 1)
            .AtLeast("--system-tokens", options.SystemTokens, 0)
            .AtLeast("--max-tokens", options.MaxTokens ?? 1, 1);
        if (!limits.HasProblems)
        {
            long requests = (long)options.Groups * options.PromptsPerGroup;
            limits
                .AtMost("the number of requests", requests, GenerationLimits.MaxRequests)
                .AtMost(
                    "the total prompt tokens",
                    requests * ((long)options.PrefixTokens + options.SuffixTokens
                        + options.SystemTokens),
                    GenerationLimits.MaxTotalTokens);
        }

        limits.ThrowIfAny();
    }
}
