namespace FluxPerf.Scenarios;

/// <summary>How a recipe becomes test cases: names, categories, and a broken recipe.</summary>
[TestFixture]
public sealed class RecipeCasesTests
{
    [Test]
    public void For_Quickstart_OneCasePerStageAndLevelWithCategories()
    {
        var settings = ScenarioSettings.FromTestContext() with
        {
            RecipePath = Path.Combine(ScenarioSettings.FromTestContext().RepositoryRoot,
                "examples", "recipe_quickstart.yaml"),
        };

        var cases = RecipeCases.For(settings).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases.Select(c => c.TestName),
                Is.EqualTo(new[] { "quickstart · c=2 · n=8", "quickstart · c=4 · n=16" }));
            Assert.That(cases[0].Properties["Category"],
                Is.EquivalentTo(new[] { "quickstart", "dual_round" }));
        }
    }

    [Test]
    public void For_UnreadableRecipe_OneCaseCarryingTheMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "global:\n  concurency_levels: [4]\nstages: []\n");
        var settings = ScenarioSettings.FromTestContext() with { RecipePath = path };

        var cases = RecipeCases.For(settings).ToArray();
        File.Delete(path);

        Assert.That(cases, Has.Length.EqualTo(1), "never zero cases for a broken recipe");
        var error = (string)cases[0].Properties.Get("Error")!;
        Assert.That(error,
            Does.Contain("did you mean \"concurrency_levels\"?").And.Contain("no stages"));
    }
}
