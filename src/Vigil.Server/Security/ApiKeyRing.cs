using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Security;

/// <summary>The roles a key can carry; an administrator may do everything an analyst may.</summary>
internal static class Roles
{
    public const string Sender = "sender";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly string[] All = [Sender, Analyst, Admin];
}

/// <summary>A configured key as kept in memory: its owner, its roles and only the SHA-256 of the key itself.</summary>
internal sealed record ApiKeyHolder(string Name, IReadOnlyList<string> Roles, byte[] Hash);

/// <summary>
/// The configured keys, held as hashes. A presented key is hashed and compared with every configured hash in
/// constant time, so neither the comparison's duration nor an early exit tells a caller how close a guess came.
/// </summary>
internal sealed class ApiKeyRing
{
    private readonly IReadOnlyList<ApiKeyHolder> holders;

    private ApiKeyRing(IReadOnlyList<ApiKeyHolder> holders) => this.holders = holders;

    public int Count => holders.Count;

    /// <summary>Reads the configured keys; a configuration mistake stops the service with every problem named.</summary>
    public static ApiKeyRing From(IEnumerable<ApiKeyOptions> keys)
    {
        var problems = new List<string>();
        var holders = new List<ApiKeyHolder>();
        var index = 0;
        foreach (var key in keys)
        {
            var at = $"{ServerOptions.Section}:ApiKeys:{index++}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                problems.Add($"{at}:Name is missing; it names the sender or analyst who holds the key.");
                continue;
            }

            var unknown = key.Roles.Where(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
            if (key.Roles.Count == 0 || unknown.Count > 0)
            {
                problems.Add($"{at}:Roles for '{key.Name}' must list one or more of {string.Join(", ", Roles.All)}"
                    + (unknown.Count > 0 ? $"; '{string.Join("', '", unknown)}' is not a role." : "."));
                continue;
            }

            byte[] hash;
            if (!string.IsNullOrEmpty(key.Sha256))
            {
                if (key.Sha256.Length != 64 || !key.Sha256.All(char.IsAsciiHexDigit))
                {
                    problems.Add($"{at}:Sha256 for '{key.Name}' must be 64 hex digits (the SHA-256 of the key).");
                    continue;
                }

                hash = Convert.FromHexString(key.Sha256);
            }
            else if (!string.IsNullOrEmpty(key.Key))
            {
                hash = HashOf(key.Key);
            }
            else
            {
                problems.Add($"{at} for '{key.Name}' has neither Key nor Sha256.");
                continue;
            }

            holders.Add(new ApiKeyHolder(key.Name.Trim(), [.. key.Roles.Select(r => r.ToLowerInvariant()).Distinct()], hash));
        }

        return problems.Count == 0
            ? new ApiKeyRing(holders)
            : throw new InvalidOperationException("The API key configuration is not usable: " + string.Join(" ", problems));
    }

    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The holder of the presented key, or null. Every configured hash is compared, match or not.</summary>
    public ApiKeyHolder? Find(string presented)
    {
        var hash = HashOf(presented);
        ApiKeyHolder? found = null;
        foreach (var holder in holders)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, holder.Hash))
            {
                found ??= holder;
            }
        }

        return found;
    }
}
