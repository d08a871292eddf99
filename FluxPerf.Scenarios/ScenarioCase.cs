using FluxPerf.Configuration.Recipes;

namespace FluxPerf.Scenarios;

/// <summary>One test case: a concurrency level of a recipe stage.</summary>
/// <param name="Recipe">The recipe.</param>
/// <param name="Stage">The stage.</param>
/// <param name="LevelIndex">Index of the level in the stage's concurrency_levels.</param>
public sealed record ScenarioCase(Recipe Recipe, RecipeStage Stage, int LevelIndex)
{
    /// <summary>The concurrency of this level.</summary>
    public int Concurrency => Stage.Config.ConcurrencyLevels[LevelIndex];

    /// <summary>The samples of this level.</summary>
    public int Samples => Stage.Config.SamplesForLevels().Samples[LevelIndex];

    /// <summary>The name the test explorer shows: <c>stage · c=4 · n=16</c>.</summary>
    public override string ToString() => $"{Stage.Name} · c={Concurrency} · n={Samples}";
}
