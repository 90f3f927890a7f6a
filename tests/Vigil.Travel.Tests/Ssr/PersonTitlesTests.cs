using Vigil.Travel.Ssr;

namespace Vigil.Travel.Tests.Ssr;

public class PersonTitlesTests
{
    [Theory]
    [InlineData("YOUSSEF MR", "YOUSSEF", "MR")]
    [InlineData("LAL MS", "LAL", "MS")]
    [InlineData("JOHN PAUL DR", "JOHN PAUL", "DR")]
    [InlineData("ANNA  MRS ", "ANNA", "MRS")]
    [InlineData("MR", null, "MR")]
    [InlineData("DREW", "DREW", null)]
    [InlineData("MRINAL", "MRINAL", null)]
    [InlineData("MR JOHN", "MR JOHN", null)]
    [InlineData("JOHNMR", "JOHNMR", null)]
    [InlineData(null, null, null)]
    [InlineData("  ", null, null)]
    public void Split_removes_only_whole_trailing_titles(string? sent, string? given, string? title)
    {
        Assert.Equal((given, title), PersonTitles.Split(sent));
    }

    [Theory]
    [InlineData("JOHNMR", "JOHN", "MR")]
    [InlineData("WILLIAMMRS", "WILLIAM", "MRS")]
    [InlineData("JANEMISS", "JANE", "MISS")]
    [InlineData("TOMMSTR", "TOM", "MSTR")]
    [InlineData("JOHN PAULMR", "JOHN PAUL", "MR")]
    [InlineData("YOUSSEF MR", "YOUSSEF", "MR")]
    [InlineData("WILLIAMS", "WILLIAMS", null)]
    [InlineData("ALEXANDR", "ALEXANDR", null)]
    [InlineData("DREW", "DREW", null)]
    [InlineData("MRINAL", "MRINAL", null)]
    [InlineData("AMR", "AMR", null)]
    [InlineData("WILLIAMNEVELL", "WILLIAMNEVELL", null)]
    public void SplitAirimp_removes_unambiguous_glued_titles(string sent, string given, string? title)
    {
        Assert.Equal((given, title), PersonTitles.SplitAirimp(sent));
    }
}
