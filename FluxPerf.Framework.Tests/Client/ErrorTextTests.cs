using System.Text;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

[TestFixture]
public sealed class ErrorTextTests
{
    [TestCase("error_400_context_length.json", 400, "This model's maximum context length is 8192")]
    [TestCase("error_404_model_not_found.json", 404, "The model `gpt-4o` does not exist.")]
    [TestCase("error_500_generation.json", 500, "Internal server error")]
    public void FromBody_VllmErrorFixture_ReturnsItsMessage(
        string fixture,
        int status,
        string start)
    {
        var body = File.ReadAllBytes(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", fixture));

        var message = ErrorText.FromBody(body, status);

        Assert.That(message, Does.StartWith(start));
    }

    [TestCase("{\"error\":\"Unauthorized\"}", "Unauthorized")]
    [TestCase("{\"object\":\"error\",\"message\":\"old shape\",\"code\":400}", "old shape")]
    [TestCase("{\"detail\":\"Not Found\"}", "Not Found")]
    [TestCase("  ", "HTTP 502 with an empty body")]
    [TestCase("<html>Bad Gateway</html>", "<html>Bad Gateway</html>")]
    public void FromBody_OtherShapes_ReturnsReadableMessage(string body, string expected)
    {
        var message = ErrorText.FromBody(Encoding.UTF8.GetBytes(body), 502);

        Assert.That(message, Is.EqualTo(expected));
    }

    [Test]
    public void FromBody_LongNonJsonBody_IsTruncated()
    {
        var body = Encoding.UTF8.GetBytes(new string('e', 10_000));

        var message = ErrorText.FromBody(body, 500);

        Assert.That(message, Has.Length.EqualTo(ErrorText.MaxQuotedChars + 1));
    }
}
