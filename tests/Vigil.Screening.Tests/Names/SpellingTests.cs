using Vigil.Screening.Names;

namespace Vigil.Screening.Tests.Names;

public class SpellingTests
{
    [Theory]
    [InlineData("muhammad", "mohamed")]
    [InlineData("hussein", "husayn")]
    [InlineData("hocine", "hussein")]
    [InlineData("qadhafi", "gaddafi")]
    [InlineData("youssef", "yusuf")]
    [InlineData("abdurrahman", "abdulrahman")]
    [InlineData("abderrahmane", "abdalrahman")]
    [InlineData("abdullah", "abdallah")]
    public void Romanisations_of_one_name_are_close(string a, string b) =>
        Assert.True(SpellingDistance.Similarity(PhoneticForm.Of(a), PhoneticForm.Of(b)) >= 0.8, $"{a} ~ {b}");

    [Theory]
    [InlineData("ahmad", "ahmadi")]
    [InlineData("terry", "atari")]
    [InlineData("karim", "kazem")]
    public void Different_names_are_not_close(string a, string b) =>
        Assert.True(SpellingDistance.Similarity(PhoneticForm.Of(a), PhoneticForm.Of(b)) < 0.9, $"{a} ~ {b}");

    [Theory]
    [InlineData("dhahabi", "zahabi")]
    [InlineData("uthman", "usman")]
    [InlineData("maxamed", "mohamed")]
    public void Skeletons_merge_the_consonants_romanisations_swap(string a, string b) =>
        Assert.Equal(PhoneticForm.Skeleton(PhoneticForm.Of(a)), PhoneticForm.Skeleton(PhoneticForm.Of(b)));

    [Fact]
    public void A_typing_slip_costs_one_edit_and_a_swap_less_than_two()
    {
        Assert.Equal(1, SpellingDistance.Distance("rahman", "rahmzn"));
        Assert.True(SpellingDistance.Distance("rahman", "rahamn") < 2 * SpellingDistance.Distance("rahman", "rahmzn"));
        Assert.Equal(0.8, SpellingDistance.PlainSimilarity("salah", "saaah"), 3);
    }

    [Fact]
    public void The_floor_stops_work_without_changing_results_above_it()
    {
        Assert.Equal(SpellingDistance.Similarity("mohamad", "muhamad"), SpellingDistance.Similarity("mohamad", "muhamad", 0.75));
        Assert.Equal(0, SpellingDistance.Similarity("mohamad", "ibrahim", 0.75));
    }

    [Theory]
    [InlineData("mohamed", "muhammad", VariantRelation.SameName)]
    [InlineData("mohamed", "mahmoud", VariantRelation.DifferentNames)]
    [InlineData("hassan", "ihsan", VariantRelation.DifferentNames)]
    [InlineData("qwzxv", "mohamed", VariantRelation.Unknown)]
    public void The_variant_dictionary_knows_spellings_of_one_name_and_different_names(string a, string b, VariantRelation relation) =>
        Assert.Equal(relation, NameVariants.Relation(a, b));
}
