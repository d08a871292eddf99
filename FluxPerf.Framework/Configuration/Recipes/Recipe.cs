namespace FluxPerf.Configuration.Recipes;

/// <summary>A loaded, validated recipe: its stages in order and any warnings.</summary>
/// <param name="Path">The recipe file.</param>
/// <param name="Stages">Stages in recipe order.</param>
/// <param name="Warnings">Things that work but deserve attention (a literal API key, …).</param>
public sealed record Recipe(
    string Path,
    IReadOnlyList<RecipeStage> Stages,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The recipe's name: its file name without extension.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}
