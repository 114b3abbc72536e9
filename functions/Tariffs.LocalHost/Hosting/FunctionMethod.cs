using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Tariffs.LocalHost.Hosting;

/// <summary>One isolated-worker function: a method carrying <c>[Function]</c> on a function class.</summary>
/// <param name="Name">The function name from <c>[Function(name)]</c>.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Trigger">The trigger attribute on one of its parameters, or <see langword="null"/> when it has none.</param>
/// <param name="TriggerParameter">The parameter carrying <paramref name="Trigger"/>, or <see langword="null"/>.</param>
public sealed record FunctionMethod(
    string Name,
    MethodInfo Method,
    TriggerBindingAttribute? Trigger,
    ParameterInfo? TriggerParameter)
{
    /// <summary>The class declaring <see cref="Method"/>, resolved from DI per invocation.</summary>
    public Type FunctionClass => Method.DeclaringType!;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({FunctionClass.FullName}.{Method.Name})";
}
