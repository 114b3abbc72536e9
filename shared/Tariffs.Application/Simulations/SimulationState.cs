namespace Tariffs.Application.Simulations;

/// <summary>Where a queued simulation stands.</summary>
public enum SimulationState
{
    /// <summary>Requested; its lines are not counted yet.</summary>
    Queued,

    /// <summary>Counted and fanned out; some chunks are not done.</summary>
    Running,

    /// <summary>Every chunk done: the result is there.</summary>
    Completed,

    /// <summary>Stopped for good (<see cref="SimulationStatus.Error"/> says why).</summary>
    Failed,
}
