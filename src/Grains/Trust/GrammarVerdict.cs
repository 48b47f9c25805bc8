namespace CxCluster.Grains.Trust;

/// <summary>What the grammar alone reads in a message.</summary>
/// <param name="AsksIdentity">The grammar finds an identity question.</param>
/// <param name="AsksForHuman">The grammar finds a request for a person.</param>
/// <param name="DeclinesPerson">The message declines or puts off a person: vetoes the model's request for a person.</param>
public readonly record struct GrammarVerdict(bool AsksIdentity, bool AsksForHuman, bool DeclinesPerson);
