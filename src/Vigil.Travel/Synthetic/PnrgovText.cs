using System.Globalization;

namespace Vigil.Travel.Synthetic;

/// <summary>Random codes and the date shapes PNRGOV prints, shared by the PNR planner and writer.</summary>
internal static class PnrgovText
{
    public const string LocatorCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Digits(Random random, int count) => Code(random, "0123456789", count);

    public static string Code(Random random, string alphabet, int length) => string.Create(length, (alphabet, random), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        }
    });

    public static string Locator(Random random) => Code(random, LocatorCharacters, 6);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary><c>ddMMyy</c>, the date shape of TVL, DAT, RCI and PTK.</summary>
    public static string Date(DateTime value) => value.ToString("ddMMyy", CultureInfo.InvariantCulture);

    public static string Time(DateTime value) => value.ToString("HHmm", CultureInfo.InvariantCulture);

    /// <summary><c>ddMMMyy</c> in upper case (<c>12JUN85</c>), the date shape of DOCS, DOCO and INFT.</summary>
    public static string SsrDate(DateOnly value) => value.ToString("ddMMMyy", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>The flight number without its carrier prefix (<c>AT512</c> → <c>512</c>).</summary>
    public static string FlightDigits(string flightNumber) => flightNumber[2..];

    /// <summary>Letters and digits only, for building e-mail addresses from names.</summary>
    public static string Alphanumeric(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit));
}
