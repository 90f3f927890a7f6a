using Vigil.Server.Security;

namespace Vigil.Server.Tests;

public sealed class ApiKeyRingTests
{
    [Fact]
    public void A_key_is_found_by_its_clear_text_or_its_configured_hash()
    {
        var ring = ApiKeyRing.From(
        [
            new ApiKeyOptions { Name = "airline", Key = "k-1", Roles = ["sender"] },
            new ApiKeyOptions { Name = "ann", Sha256 = Convert.ToHexStringLower(ApiKeyRing.HashOf("k-2")), Roles = ["Analyst"] },
        ]);

        Assert.Equal("airline", ring.Find("k-1")?.Name);
        Assert.Equal(["analyst"], ring.Find("k-2")?.Roles);
        Assert.Null(ring.Find("k-3"));
        Assert.Null(ring.Find("K-1"));
    }

    [Fact]
    public void Every_configuration_mistake_is_named_at_once()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiKeyRing.From(
        [
            new ApiKeyOptions { Key = "k", Roles = ["sender"] },
            new ApiKeyOptions { Name = "bob", Key = "k", Roles = ["auditor"] },
            new ApiKeyOptions { Name = "eve", Sha256 = "abc", Roles = ["admin"] },
            new ApiKeyOptions { Name = "joe", Roles = ["admin"] },
        ]));

        Assert.Contains("ApiKeys:0:Name is missing", error.Message);
        Assert.Contains("'auditor' is not a role", error.Message);
        Assert.Contains("64 hex digits", error.Message);
        Assert.Contains("neither Key nor Sha256", error.Message);
    }
}
