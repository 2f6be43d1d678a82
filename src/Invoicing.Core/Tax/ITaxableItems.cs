namespace Invoicing.Core.Tax;

/// <summary>
/// The tax treatments of the items of one calculation, read by index (their amounts travel in a
/// plain array): the public <see cref="TaxCalculation"/> path and the Documents area's
/// allocation-free path implement it as structs, so the calculator is specialised for each
/// without boxing.
/// </summary>
internal interface ITaxableItems
{
    int Count { get; }

    TaxTreatment? TreatmentAt(int index);
}
