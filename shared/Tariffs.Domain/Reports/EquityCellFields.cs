using static Tariffs.Domain.Reports.CellFieldVisibility;

namespace Tariffs.Domain.Reports;

/// <summary>
/// The fields of a report cell, declared once, in the order of the published row (docs/api.md): each one's API name,
/// type, definition in English and French, visibility, published value and stored column. They drive the report
/// tables' columns (Storage), the JSON and CSV rows (Application) and the OpenAPI schema of a row (Functions). A new
/// stored indicator is a property of <see cref="EquityCell"/> and one entry here; a new derived one, an entry here.
/// The key columns (Period, Service, Authority, Area) and the stored statuses of a row (Suppressed, EligibilityHidden,
/// IncomeHidden, ComputedAt) are the storage adapter's.
/// </summary>
public static class EquityCellFields
{
    /// <summary>Every field: the published ones in their published order, the stored-only ones among them.</summary>
    public static IReadOnlyList<CellField> All { get; } =
    [
        CellField.Text("period", Always, r => r.Cell.Key.Period,
            "2022 (year), 2022-Q1 (quarter) or 2022-01 (month); a line belongs to the period holding the last day of its billing period",
            "2022 (année), 2022-Q1 (trimestre) ou 2022-01 (mois) ; une ligne compte dans la période qui contient le dernier jour de sa période de facturation"),
        CellField.Text("periodKind", Always, r => ReportPeriod.TryParse(r.Cell.Key.Period, out var p) ? p.Value.Kind.ToString().ToLowerInvariant() : "",
            "year, quarter or month", "année (year), trimestre (quarter) ou mois (month)") with { Values = ["year", "quarter", "month"] },
        CellField.Text("service", Always, r => r.Cell.Key.Service, "the service (water, wastewater, electricity, gas)", "le service (eau, assainissement, électricité, gaz)"),
        CellField.Text("authority", Always, r => r.Cell.Key.Authority, "the authority", "l'autorité organisatrice"),
        CellField.Text("area", Always, r => r.Cell.Key.Area, "area code, or * for the authority's total", "code de la zone, ou * pour le total de l'autorité"),
        CellField.Text("currency", Always, r => r.Cell.Currency, "ISO 4217 currency of every amount", "devise ISO 4217 de tous les montants")
            with { Column = CellColumn.Of("Currency", c => c.Currency, (c, v) => c with { Currency = v }) },
        CellField.Text("unit", Always, r => r.Cell.Unit, "unit of quantityBilled (m3, kWh); empty when mixed", "unité de quantityBilled (m3, kWh) ; vide si la cellule mélange des unités")
            with { Column = CellColumn.Of("Unit", c => c.Unit, (c, v) => c with { Unit = v }) },
        CellField.Flag("suppressed", r => r.Suppressed, "true: every figure is null in the public view", "vrai : tous les chiffres sont nuls (null) dans la vue publique"),
        CellField.Flag("provisional", r => r.Cell.Provisional, "the period is not over in the authority's time zone", "la période n'est pas terminée dans le fuseau horaire de l'autorité")
            with { Column = CellColumn.Of("Provisional", c => c.Provisional, (c, v) => c with { Provisional = v }) },
        CellField.Count("householdsBilled", Figure, r => r.Cell.HouseholdsBilled, "distinct households with a priced line", "ménages distincts ayant au moins une ligne tarifée")
            with { Column = CellColumn.Of("HouseholdsBilled", c => c.HouseholdsBilled, (c, v) => c with { HouseholdsBilled = v }) },
        CellField.Count("householdsEligible", EligibilityGroup, r => r.Cell.HouseholdsEligible, "billed households eligible for a program",
            "ménages facturés éligibles à un dispositif social")
            with { Column = CellColumn.Of("HouseholdsEligible", c => c.HouseholdsEligible, (c, v) => c with { HouseholdsEligible = v }) },
        CellField.Count("householdsReceived", EligibilityGroup, r => r.Cell.HouseholdsReceived, "billed households with a non-zero social adjustment or payment",
            "ménages facturés ayant reçu un ajustement social ou un versement non nul")
            with { Column = CellColumn.Of("HouseholdsReceived", c => c.HouseholdsReceived, (c, v) => c with { HouseholdsReceived = v }) },
        CellField.Ratio("takeUpRate", EligibilityGroup, r => CellReading.Ratio(r.Cell.TakeUpRate), "householdsReceived ÷ householdsEligible, 4 decimals",
            "taux de recours : householdsReceived ÷ householdsEligible, 4 décimales"),
        CellField.Count("householdsDetermined", EligibilityGroup, r => r.Cell.HouseholdsDetermined,
            "billed households determined eligible for a program from their facts by its criteria (whatever an agency decided); eligible both ways: counted here and in householdsFlagged",
            "ménages facturés éligibles à un dispositif d'après leurs données selon ses critères (quelle que soit la décision d'un organisme) ; éligibles des deux façons : comptés ici et dans householdsFlagged")
            with { Column = CellColumn.Of("HouseholdsDetermined", c => c.HouseholdsDetermined, (c, v) => c with { HouseholdsDetermined = v }) },
        CellField.Count("householdsFlagged", EligibilityGroup, r => r.Cell.HouseholdsFlagged, "billed households eligible for a program by an agency's flag",
            "ménages facturés éligibles à un dispositif sur signalement d'un organisme")
            with { Column = CellColumn.Of("HouseholdsFlagged", c => c.HouseholdsFlagged, (c, v) => c with { HouseholdsFlagged = v }) },
        CellField.Count("householdsDeterminedNotReceived", EligibilityGroup, r => r.Cell.HouseholdsDeterminedNotReceived,
            "take-up gap: householdsDetermined with no non-zero social adjustment or payment",
            "non-recours : ménages de householdsDetermined sans ajustement social ni versement non nul")
            with { Column = CellColumn.Of("HouseholdsDeterminedNotReceived", c => c.HouseholdsDeterminedNotReceived, (c, v) => c with { HouseholdsDeterminedNotReceived = v }) },
        CellField.Amount("billedTotal", Figure, r => r.Major(r.Cell.BilledTotalMinor), "Σ billed by the operator", "Σ facturé par l'opérateur")
            with { Column = CellColumn.Of("BilledTotalMinor", c => c.BilledTotalMinor, (c, v) => c with { BilledTotalMinor = v }) },
        CellField.Amount("standardTotal", Figure, r => r.Major(r.Cell.StandardTotalMinor), "Σ standard bills", "Σ des factures au tarif standard")
            with { Column = CellColumn.Of("StandardTotalMinor", c => c.StandardTotalMinor, (c, v) => c with { StandardTotalMinor = v }) },
        CellField.Amount("socialAdjustmentsTotal", Figure, r => r.Major(r.Cell.AdjustmentsTotalMinor), "Σ bill adjustments; negative = cost of the social tariff",
            "Σ des ajustements de factures ; négatif = coût du tarif social")
            with { Column = CellColumn.Of("AdjustmentsTotalMinor", c => c.AdjustmentsTotalMinor, (c, v) => c with { AdjustmentsTotalMinor = v }) },
        CellField.Amount("paymentsTotal", Figure, r => r.Major(r.Cell.PaymentsTotalMinor), "Σ payments to households", "Σ des versements aux ménages")
            with { Column = CellColumn.Of("PaymentsTotalMinor", c => c.PaymentsTotalMinor, (c, v) => c with { PaymentsTotalMinor = v }) },
        CellField.Amount("compensationTotal", Figure, r => r.Major(r.Cell.CompensationTotalMinor), "Σ guaranteed-standards compensation",
            "Σ des indemnisations au titre des engagements de service")
            with { Column = CellColumn.Of("CompensationTotalMinor", c => c.CompensationTotalMinor, (c, v) => c with { CompensationTotalMinor = v }) },
        CellField.Amount("averageBillBefore", Figure, r => r.Major(r.Cell.AverageBillBeforeMinor), "standardTotal ÷ householdsBilled",
            "facture moyenne avant tarif social : standardTotal ÷ householdsBilled"),
        CellField.Amount("averageBillAfter", Figure, r => r.Major(r.Cell.AverageBillAfterMinor), "(standardTotal + socialAdjustmentsTotal) ÷ householdsBilled",
            "facture moyenne après tarif social : (standardTotal + socialAdjustmentsTotal) ÷ householdsBilled"),
        CellField.Quantity("quantityBilled", Figure, r => r.Cell.QuantityBilled, "Σ quantities billed", "Σ des quantités facturées")
            with { Column = CellColumn.Of("QuantityBilled", c => c.QuantityBilled, (c, v) => c with { QuantityBilled = v }) },
        CellField.AmountPerUnit("p109SocialCostPerM3", Figure, r => r.MajorPerUnit(r.Cell.SocialCostPerCubicMetreMinor), "SISPEA P109.0: −socialAdjustmentsTotal ÷ m³ billed",
            "SISPEA P109.0 : −socialAdjustmentsTotal ÷ m³ facturés"),
        CellField.Amount("d102PriceOf120M3", Figure, r => r.D102PriceOf120M3 is { } price ? r.Major(r.Currency.ToMinorUnits(price)) : null,
            "SISPEA D102.0: price of 120 m³ a year at the standard tariff in force on 1 January; years of water only",
            "SISPEA D102.0 : prix de 120 m³ par an au tarif standard en vigueur au 1er janvier ; années de l'eau seulement"),
        CellField.Count("householdsWithKnownIncome", IncomeGroup, r => r.Cell.HouseholdsWithKnownIncome, "billed households whose annual income is known",
            "ménages facturés dont le revenu annuel est connu")
            with { Column = CellColumn.Of("HouseholdsWithKnownIncome", c => c.HouseholdsWithKnownIncome, (c, v) => c with { HouseholdsWithKnownIncome = v }) },
        CellField.Count("householdsAboveThresholdBefore", IncomeGroup, null, "households of known income whose standard bill exceeds the affordability threshold",
            "ménages de revenu connu dont la facture standard dépasse le seuil d'accessibilité")
            with { Column = CellColumn.Of("HouseholdsAboveThresholdBefore", c => c.HouseholdsAboveThresholdBefore, (c, v) => c with { HouseholdsAboveThresholdBefore = v }) },
        CellField.Count("householdsAboveThresholdAfter", IncomeGroup, null, "households of known income whose social bill exceeds the affordability threshold",
            "ménages de revenu connu dont la facture sociale dépasse le seuil d'accessibilité")
            with { Column = CellColumn.Of("HouseholdsAboveThresholdAfter", c => c.HouseholdsAboveThresholdAfter, (c, v) => c with { HouseholdsAboveThresholdAfter = v }) },
        CellField.Ratio("affordabilityShareBefore", IncomeGroup, r => CellReading.Ratio(r.Cell.AffordabilityShareBefore),
            "share of households with known income whose standard bill exceeds the threshold",
            "part des ménages de revenu connu dont la facture standard dépasse le seuil"),
        CellField.Ratio("affordabilityShareAfter", IncomeGroup, r => CellReading.Ratio(r.Cell.AffordabilityShareAfter), "the same for the social bill",
            "la même part pour la facture sociale"),
        CellField.Count("overchargeFindings", Figure, r => r.Cell.OverchargeFindings, "lines billed above the uniform tariff beyond the tolerance",
            "lignes facturées au-dessus du tarif uniforme au-delà de la tolérance")
            with { Column = CellColumn.Of("OverchargeFindings", c => c.OverchargeFindings, (c, v) => c with { OverchargeFindings = v }) },
        CellField.Amount("overchargeTotal", Figure, r => r.Major(r.Cell.OverchargeTotalMinor), "Σ overcharged", "Σ des montants surfacturés")
            with { Column = CellColumn.Of("OverchargeTotalMinor", c => c.OverchargeTotalMinor, (c, v) => c with { OverchargeTotalMinor = v }) },
        CellField.Count("blockedRestrictions", Figure, r => r.Cell.BlockedRestrictions, "restriction requests blocked by the guard",
            "demandes de restriction bloquées par le garde-fou")
            with { Column = CellColumn.Of("BlockedRestrictions", c => c.BlockedRestrictions, (c, v) => c with { BlockedRestrictions = v }) },
        CellField.Text("suppression", RegulatorOnly, r => r.Cell.Suppression.ToString(),
            "unsuppressed view only: None, TooFewHouseholds, Dominance or Complementary",
            "vue non masquée seulement : None, TooFewHouseholds (trop peu de ménages), Dominance ou Complementary (secret secondaire)")
            with { Column = CellColumn.Of("Suppression", c => c.Suppression.ToString(),
                (c, v) => c with { Suppression = Enum.TryParse<SuppressionReason>(v, out var reason) ? reason : SuppressionReason.None }) },
        CellField.Timestamp("computedAt", r => r.ComputedAt.ToDateTimeOffset(),
            "regulator's view: when the cell was computed; public report: when it was released",
            "vue du régulateur : date du calcul de la cellule ; rapport public : date de sa publication"),
    ];

    /// <summary>The published fields (JSON fields and CSV columns), in order.</summary>
    public static IReadOnlyList<CellField> Published { get; } = All.Where(f => f.Published is not null).ToArray();

    /// <summary>The stored columns of a cell's figures.</summary>
    public static IReadOnlyList<CellColumn> Columns { get; } = All.Select(f => f.Column).OfType<CellColumn>().ToArray();
}
