namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Armenian to Latin as Armenian passports write it (Հովհաննիսյան → hovhannisyan, Փաշինյան → pashinyan), lower
/// case: ե is ye and ո vo at the start of a word, ու is u, և ev; the aspirated and plain stops are one letter each
/// (թ and տ t, փ and պ p, ք and կ k, չ and ճ ch, ց and ծ ts), as the passports write them.
/// </summary>
internal static class ArmenianWord
{
    public static bool IsArmenian(char c) => c is >= '\u0531' and <= '\u0556' or >= '\u0561' and <= '\u0587';

    public static void Append(ReadOnlySpan<char> word, ref CharBuffer output)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = char.ToLowerInvariant(word[i]);
            var next = i + 1 < word.Length ? char.ToLowerInvariant(word[i + 1]) : '\0';
            switch (c)
            {
                case 'ո' when next == 'ւ':
                    output.Append('u');
                    i++;
                    break;
                case 'ո':
                    output.Append(i == 0 ? "vo" : "o");
                    break;
                case 'ե':
                    output.Append(i == 0 ? "ye" : "e");
                    break;
                case 'և':
                    output.Append(i == 0 ? "yev" : "ev");
                    break;
                default:
                    output.Append(Single(c));
                    break;
            }
        }
    }

    private static string Single(char c) => c switch
    {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'զ' => "z",
        'է' => "e",
        'ը' => "y",
        'թ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' => "ts",
        'կ' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'չ' => "ch",
        'պ' => "p",
        'ջ' => "j",
        'ռ' => "r",
        'ս' => "s",
        'վ' => "v",
        'տ' => "t",
        'ր' => "r",
        'ց' => "ts",
        'ւ' => "v",
        'փ' => "p",
        'ք' => "k",
        'օ' => "o",
        'ֆ' => "f",
        _ => "",
    };
}
