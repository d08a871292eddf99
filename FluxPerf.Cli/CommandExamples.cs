using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FluxPerf.Cli;

/// <summary>
/// Moves each command's examples (the part of its description from a blank line followed by
/// "Example") out of the description, so command lists stay one line per command, and prints
/// them at the end of that command's own <c>--help</c>.
/// </summary>
internal sealed class CommandExamples : SynchronousCommandLineAction
{
    private const string Marker = "\n\nExample";

    private readonly HelpAction _help;
    private readonly Dictionary<Command, string> _examples = [];

    private CommandExamples(HelpAction help)
    {
        _help = help;
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <summary>
    /// Installs the examples help on <paramref name="root"/> and all its subcommands.
    /// </summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, string> extraHelp)
    {
        var option = root.Options.OfType<HelpOption>().First();
        if (option.Action is not HelpAction help)
        {
            return;
        }

        var examples = new CommandExamples(help);
        examples.Collect(root);
        foreach (var (command, text) in extraHelp)
        {
            examples._examples[command] = examples._examples.TryGetValue(command, out var first)
                ? first + "\n\n" + text
                : text;
        }

        option.Action = examples;
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = _help.Invoke(parseResult);
        if (_examples.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            parseResult.InvocationConfiguration.Output.WriteLine(text.TrimEnd());
            parseResult.InvocationConfiguration.Output.WriteLine();
        }

        return exitCode;
    }

    private void Collect(Command command)
    {
        var description = command.Description ?? "";
        var at = description.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _examples[command] = description[(at + 2)..];
            command.Description = description[..at];
        }

        foreach (var sub in command.Subcommands)
        {
            Collect(sub);
        }

        // A group such as "convert" shows its subcommands' examples.
        var fromSubcommands = command.Subcommands
            .Where(s => _examples.ContainsKey(s))
            .Select(s => _examples[s][(_examples[s].IndexOf('\n', StringComparison.Ordinal) + 1)..])
            .ToArray();
        if (!_examples.ContainsKey(command) && fromSubcommands.Length > 0)
        {
            _examples[command] = "Examples:\n"
                + string.Join('\n', fromSubcommands.Select(e => e.TrimEnd()));
        }
    }
}
