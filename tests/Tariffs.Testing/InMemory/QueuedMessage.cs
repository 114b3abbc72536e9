namespace Tariffs.Testing.InMemory;

/// <summary>A message sent to an in-memory queue, and the delay before it becomes visible.</summary>
public sealed record QueuedMessage(string Body, TimeSpan Delay);
