using FluxPerf.Configuration;
using FluxPerf.Configuration.Recipes;

namespace FluxPerf.Scenarios;

/// <summary>
/// Turns the recipe named in <c>.runsettings</c> into test cases, one per stage and level. A
/// recipe that cannot be read becomes one failing case carrying the validation message, so a
/// broken recipe is never mistaken for "0 tests".
/// </summary>
public static class RecipeCases
{
    /// <summary>The cases, in recipe order.</summary>
    public static IEnumerable<TestCaseData> All() => For(ScenarioSettings.FromTestContext());

    /// <summary>The cases of the recipe named in <paramref name="settings"/>.</summary>
    internal static IEnumerable<TestCaseData> For(ScenarioSettings settings)
    {
        Recipe recipe;
        try
        {
            recipe = RecipeLoader.Load(settings.RecipePath, c => ApplyOverrides(c, settings));
        }
        catch (ConfigurationException e)
        {
            return [Broken(settings.RecipePath, e.Message)];
        }

        return recipe.Stages.SelectMany(stage => Enumerable
            .Range(0, stage.Config.ConcurrencyLevels.Count)
            .Select(i => Case(new ScenarioCase(recipe, stage, i)))).ToArray();
    }

    internal static BenchmarkConfig ApplyOverrides(BenchmarkConfig config, ScenarioSettings s) =>
        config with
        {
            Endpoint = s.HasEndpointOverride ? new Uri(s.Endpoint) : config.Endpoint,
            Model = s.Model ?? config.Model,
            SloFile = s.SloPath ?? config.SloFile,
            OutputDirectory = s.OutputDirectory,
            ApiKeyEnvironmentVariable =
                s.ApiKeyEnvironmentVariable ?? config.ApiKeyEnvironmentVariable,
        };

    private static TestCaseData Case(ScenarioCase scenario)
    {
        var mode = scenario.Stage.Config.Mode == BenchmarkMode.MultiTurn
            ? "multi_turn"
            : "dual_round";
        var data = new TestCaseData(scenario).SetName(scenario.ToString())
            .SetCategory(scenario.Stage.Name)
            .SetCategory(mode)
            .SetProperty("Recipe", scenario.Recipe.Name)
            .SetProperty("Stage", scenario.Stage.Name)
            .SetProperty("Concurrency", scenario.Concurrency)
            .SetProperty("Samples", scenario.Samples);
        return data;
    }

    private static TestCaseData Broken(string path, string message) =>
        new TestCaseData(null).SetName($"recipe {Path.GetFileName(path)} cannot be run")
            .SetProperty("Error", message)
            .SetDescription(message);
}
