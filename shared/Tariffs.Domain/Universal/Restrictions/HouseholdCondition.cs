namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// A household fact a restriction rule depends on. A fact that is unknown counts as not established: the
/// rule does not match (the decision's reason says which fact was missing).
/// </summary>
public enum HouseholdCondition
{
    PensionersOnly,
    ChequeEnergieAttestation,
    MedicalNeed,
}
