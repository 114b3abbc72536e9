using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace Tariffs.Functions.Authorization;

/// <summary>What <see cref="AccessAuthorizer.AuthenticateAsync"/> found: the <see cref="Caller"/>, or the 401/403 to return.</summary>
public sealed record Access(Caller? Caller, IActionResult? Denial)
{
    /// <summary>True when the request may go on, with <see cref="Caller"/> set.</summary>
    [MemberNotNullWhen(true, nameof(Caller))]
    [MemberNotNullWhen(false, nameof(Denial))]
    public bool Granted => Caller is not null;
}
