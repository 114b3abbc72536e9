namespace Tariffs.Application.Intake;

/// <summary>Intake settings (configuration section <c>Tariffs:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Tariffs:Intake";

    /// <summary>Lines per chunk message: the bounded unit of work of a large batch.</summary>
    public int ChunkSize { get; set; } = 2000;
}
