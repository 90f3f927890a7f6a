using Microsoft.AspNetCore.Authorization;

namespace Vigil.Server.Security;

/// <summary>
/// Who may call what: senders post messages; analysts read everything and decide hits; administrators may also
/// import watch lists and replay quarantined messages. An administrator's key passes every analyst check.
/// </summary>
internal static class Policies
{
    public const string Sender = "sender";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Sender, p => p.RequireAuthenticatedUser().RequireRole(Roles.Sender));
        options.AddPolicy(Analyst, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
