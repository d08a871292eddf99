using System.Text;

namespace FluxPerf.MockServer;

/// <summary>
/// Parses <c>--flag value</c> (or <c>--flag=value</c>) arguments onto
/// <see cref="MockServerOptions"/>, for the mock's own executable and for hosts such as
/// <c>fluxperf mock</c>. Flags are the option names in kebab case (<c>--itl-ms</c>).
/// </summary>
public static class MockServerCommandLine
{
    /// <summary>The usage text listing every flag, its environment variable and default.</summary>
    public static string HelpText { get; } = BuildHelpText();

    /// <summary>
    /// Whether the arguments ask for help (<c>--help</c>, <c>-h</c> or <c>-?</c>).
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    public static bool IsHelpRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => a is "--help" or "-h" or "-?");
    }

    /// <summary>
    /// Parses the arguments over the defaults; true when every argument was understood.
    /// Range checks are <see cref="MockServerOptions.Validate"/>'s job, not this method's.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="options">The parsed options (the defaults overridden by the flags).</param>
    /// <param name="errors">One sentence per argument that could not be used.</param>
    public static bool TryParse(
        string[] args,
        out MockServerOptions options,
        out IReadOnlyList<string> errors)
    {
        return TryParse(args, new MockServerOptions(), out options, out errors);
    }

    /// <summary>
    /// Parses the arguments over <paramref name="baseline"/> (e.g. the result of
    /// <see cref="MockServerOptions.FromEnvironment"/>, so flags win over variables).
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="baseline">Values for the flags not given; not modified.</param>
    /// <param name="options">The parsed options.</param>
    /// <param name="errors">One sentence per argument that could not be used.</param>
    public static bool TryParse(
        string[] args,
        MockServerOptions baseline,
        out MockServerOptions options,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(baseline);

        options = baseline.Clone();
        var problems = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            i = ParseOne(args, i, options, problems);
        }

        errors = problems;
        return problems.Count == 0;
    }

    private static int ParseOne(
        string[] args,
        int index,
        MockServerOptions options,
        List<string> problems)
    {
        var arg = args[index];
        if (arg is "--help" or "-h" or "-?")
        {
            return index;
        }

        var (flag, inlineValue) = SplitFlag(arg);
        var spec = MockOptionSpecs.All.FirstOrDefault(s => s.Flag == flag);
        if (spec is null)
        {
            problems.Add(UnknownFlagMessage(arg));
            return index;
        }

        var (value, next) = TakeValue(args, index, spec, inlineValue);
        if (value is null)
        {
            problems.Add($"{flag} needs a value ({spec.ValueHint})");
            return next;
        }

        if (spec.Apply(options, value) is { } problem)
        {
            problems.Add($"{flag}: {problem}; expected {spec.ValueHint}");
        }

        return next;
    }

    private static (string Flag, string? Value) SplitFlag(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && arg.StartsWith("--", StringComparison.Ordinal)
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }

    private static (string? Value, int LastIndex) TakeValue(
        string[] args,
        int index,
        MockOptionSpec spec,
        string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return (inlineValue, index);
        }

        var hasNext = index + 1 < args.Length
            && !args[index + 1].StartsWith("--", StringComparison.Ordinal);
        if (hasNext)
        {
            return (args[index + 1], index + 1);
        }

        // A bare switch such as "--enable-prefix-caching" means true.
        return spec.IsSwitch ? ("true", index) : (null, index);
    }

    private static string UnknownFlagMessage(string arg)
    {
        var name = arg.TrimStart('-');
        var near = MockOptionSpecs.All
            .Select(s => s.Flag)
            .FirstOrDefault(f => f.Contains(name, StringComparison.OrdinalIgnoreCase)
                && name.Length >= 3);
        var suggestion = near is null ? "" : $" (did you mean {near}?)";
        return $"unknown argument \"{arg}\"{suggestion}; run with --help to list the flags";
    }

    private static string BuildHelpText()
    {
        var text = new StringBuilder();
        text.AppendLine("FluxPerf mock: a vLLM-like OpenAI-compatible server with a simulated "
            + "prefix cache.");
        text.AppendLine();
        text.AppendLine("Options (each also read from the environment variable shown; "
            + "flags win):");
        var defaults = new MockServerOptions();
        foreach (var spec in MockOptionSpecs.All)
        {
            text.AppendLine($"  {spec.Flag} {spec.ValueHint}");
            text.AppendLine($"      {spec.Help}; default {spec.Current(defaults)}; "
                + $"env {spec.EnvironmentVariable}");
        }

        text.AppendLine("  --help");
        text.AppendLine("      show this text");
        return text.ToString();
    }
}
