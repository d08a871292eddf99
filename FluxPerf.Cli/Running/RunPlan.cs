using FluxPerf.Configuration.Recipes;

namespace FluxPerf.Cli.Running;

/// <summary>What <c>fluxperf run</c> will do: its stages in order and how to host them.</summary>
/// <param name="Stages">The stages, validated, with flags applied.</param>
/// <param name="ForceEmbedded">True with --mock-server: every stage targets the embedded
/// mock.</param>
/// <param name="OutputDirectory">Folder in which the run folder is created.</param>
/// <param name="Warnings">Things that work but deserve attention (from the recipe).</param>
internal sealed record RunPlan(
    IReadOnlyList<RecipeStage> Stages,
    bool ForceEmbedded,
    string OutputDirectory,
    IReadOnlyList<string> Warnings);
