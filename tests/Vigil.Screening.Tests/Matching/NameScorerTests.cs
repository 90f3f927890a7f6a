using Vigil.Screening.Matching;

namespace Vigil.Screening.Tests.Matching;

public class NameScorerTests
{
    private static readonly NamePreparer Preparer = new(TokenWeights.Default);

    private static NameScore Score(string query, string listed) => NameScorer.Score(Preparer.Prepare(query), Preparer.Prepare(listed));

    private const double Threshold = MatchingOptions.DefaultAlertThreshold;

    [Theory]
    [InlineData("Salman bin Muhammad", "Muhammad bin Salman")]
    [InlineData("TAHER BEN ALI BEN FALEH OUNI HARZI", "ALI BEN TAHER BEN FALEH OUNI HARZI")]
    [InlineData("MUHAMMAD OULD ABD AL-RAHMAN AL-HUSAYN OULD MUHAMMAD SALIM", "ABD AL-RAHMAN OULD MUHAMMAD AL-HUSAYN OULD MUHAMMAD SALIM")]
    [InlineData("Umar ben Ali", "Ali Omar")] // a listed name without links reads in order: Ali son of Omar
    [InlineData("Abd Allah ben Ali", "Ali Thafir Abdallah")]
    [InlineData("MEHDI BEN MOHAMED BEN MOHAMED KAMMOUN", "MOHAMED BEN MEHDI BEN MOHAMED KAMMOUN")] // the query repeats none of its own links reversed
    [InlineData("MOHAMED BEN MEHDI BEN MOHAMED KAMMOUN", "MEHDI BEN MOHAMED BEN MOHAMED KAMMOUN")]
    public void A_father_son_swap_scores_well_below_the_threshold(string query, string listed)
    {
        var score = Score(query, listed);
        Assert.True(score.ChainReversed);
        Assert.True(score.Score < Threshold - 0.2, $"{score.Score}");
    }

    [Theory]
    [InlineData("Ali ben Umar", "Ali Omar")]
    [InlineData("Muhammad bin Muhammad Hassan", "Muhammad Muhammad Hassan")]
    public void A_chain_in_the_listed_name_s_order_is_not_reversed(string query, string listed)
    {
        var score = Score(query, listed);
        Assert.False(score.ChainReversed);
        Assert.True(score.Score >= Threshold, $"{score.Score}");
    }

    [Theory]
    [InlineData("RAFI ABD-AL-LATIF TILFAH AL-SHA'IRI", "RAFI ABD-AL-LATIF TILFAH AL-TIKRITI")]
    [InlineData("ABOU MOHAMED AL-ANABI", "ABOU MOHAMED AL ADNANI")]
    [InlineData("IBRAHIM AHMAD ABD AL-SATTAR MUHAMMED AL-HAMZI", "IBRAHIM AHMAD ABD AL-SATTAR MUHAMMED AL-TIKRITI")]
    public void A_nisba_swap_scores_well_below_the_threshold(string query, string listed) =>
        Assert.True(Score(query, listed).Score < Threshold - 0.1, $"{Score(query, listed).Score}");

    [Theory]
    [InlineData("ABDUL JALIL HAQQANI WALI BASHAR", "ABDUL JALIL HAQQANI WALI MOHAMMAD")]
    [InlineData("SAJA BARZAN IBRAHIM HASAN AL-TIKRITI", "ALI BARZAN IBRAHIM HASAN AL-TIKRITI")]
    public void A_replaced_given_or_family_name_is_another_person(string query, string listed) =>
        Assert.True(Score(query, listed).Score < Threshold, $"{Score(query, listed).Score}");

    [Theory]
    [InlineData("Muhammad bin Salman", "Muhammad bin Salman")]
    [InlineData("SALMAN MUHAMMAD", "Muhammad Salman")]
    [InlineData("ALRAZY<<ABU<BAKR<MOHAMMED", "Abu Bakr Muhammad al-Razi")]
    [InlineData("ABDULRAHMAN AL-MASRI", "Abd al-Rahman al Masri")]
    [InlineData("ALQAIDA ABUBAKR", "Al-Qaida Abu Bakr")]
    [InlineData("KHAWLA IBRAHIM HASAN AL-TIKRITI", "KHAWLA BARZAN IBRAHIM HASAN AL-TIKRITI")]
    [InlineData("Mohamed Youcef Hocine", "Muhammad Yusuf Hussein")]
    [InlineData("IGNACL MURWANASHYAKA", "IGNACE MURWANASHYAKA")]
    [InlineData("AHAD AZIZIRAHMAN ABDUL", "AZIZIRAHMAN ABDUL AHAD")]
    public void Real_variation_of_one_name_stays_above_the_threshold(string query, string listed) =>
        Assert.True(Score(query, listed).Score >= Threshold, $"{Score(query, listed).Score}");

    [Theory]
    [InlineData("Ziaurrahman Madani", "ZIA-UR-RAHMAN MADANI")]
    [InlineData("Ziaul Haq", "ZIA-UL-HAQ")]
    [InlineData("Fazalurrehman Khalil", "FAZL-UR-RAHMAN KHALIL")]
    [InlineData("SHAMS UR-RAHMAN ABDUL ZAHIR", "Shamsurrahman Abdul Zahir")]
    public void A_compound_given_name_in_one_word_matches_its_parts_either_way_round(string name1, string name2)
    {
        Assert.True(NameScorer.Score(Preparer, name1, name2).Score >= Threshold, $"{NameScorer.Score(Preparer, name1, name2).Score}");
        Assert.True(NameScorer.Score(Preparer, name2, name1).Score >= Threshold, $"{NameScorer.Score(Preparer, name2, name1).Score}");
    }

    [Fact]
    public void Two_names_compared_alone_score_the_same_either_way_round_and_explain_in_the_order_given()
    {
        var shortFirst = NameScorer.Score(Preparer, "Peter Kamau", "Peter Njoroge Kamau");
        var fullFirst = NameScorer.Score(Preparer, "Peter Njoroge Kamau", "Peter Kamau");

        Assert.Equal(fullFirst.Score, shortFirst.Score);
        Assert.True(shortFirst.Score > Score("Peter Kamau", "Peter Njoroge Kamau").Score || shortFirst.Score > Score("Peter Njoroge Kamau", "Peter Kamau").Score);
        Assert.Equal(["njoroge"], shortFirst.UnmatchedListed);
        Assert.Empty(shortFirst.UnmatchedQuery);
        Assert.Equal(["njoroge"], fullFirst.UnmatchedQuery);
        Assert.All(shortFirst.Pairs, pair => Assert.Contains(pair.Query, new[] { "peter", "kamau" }));
    }

    [Theory]
    [InlineData("FEDOR IVANOV", "Fyodor Ivanov")]
    [InlineData("IURII KOVALCHUK", "Yuriy Kovalchuk")]
    [InlineData("PETR AVEN", "Pyotr Olegovich Aven")]
    public void A_russian_passport_name_matches_the_list_s_popular_spelling(string passport, string listed) =>
        Assert.True(Score(passport, listed).Score >= Threshold, $"{Score(passport, listed).Score}");

    [Fact]
    public void Omitting_a_name_costs_less_on_the_list_side_than_on_the_traveler_side()
    {
        var travelerOmits = Score("Khawla Hasan al-Tikriti", "Khawla Ibrahim Hasan al-Tikriti").Score;
        var listOmits = Score("Khawla Ibrahim Hasan al-Tikriti", "Khawla Hasan al-Tikriti").Score;
        Assert.True(travelerOmits > listOmits, $"{travelerOmits} vs {listOmits}");
    }

    [Theory]
    [InlineData("Vladimir Vladimirovich Putin", "Vladimir Putin")]
    [InlineData("Anna Sergeyevna Ivanova", "Anna Ivanova")]
    [InlineData("Volodymyr Oleksandrovych Zelenskyy", "Volodymyr Zelenskyy")]
    public void A_patronymic_the_list_leaves_out_costs_little(string traveler, string listed)
    {
        Assert.True(Score(traveler, listed).Score >= Threshold, $"{Score(traveler, listed).Score}");
        Assert.True(Score("Vladimir Ivanovich Putin", "Vladimir Vladimirovich Putin").Score < Threshold);
    }

    [Fact]
    public void A_shared_common_name_weighs_less_than_a_shared_rare_one()
    {
        var common = Preparer.Prepare("Muhammad").Units[0].Weight;
        var rare = Preparer.Prepare("Murwanashyaka").Units[0].Weight;
        Assert.True(common < 0.5 && rare > 0.9, $"{common} {rare}");
    }

    [Fact]
    public void The_explanation_names_each_aligned_pair_and_what_was_left_over()
    {
        var score = Score("Hasan Ali al-Tikriti Barzan", "Hassan Ali Ibrahim al-Tikriti");
        Assert.Contains(score.Pairs, p => p.Query == "hasan" && p.Listed == "hassan" && p.Similarity is > 0.9 and < 1);
        Assert.Contains(score.Pairs, p => p.Query == "ali" && p.Listed == "ali" && p.Similarity == 1);
        Assert.Equal(["barzan"], score.UnmatchedQuery);
        Assert.Equal(["ibrahim"], score.UnmatchedListed);
    }
}
