namespace CxCluster.Grains.Trust;

/// <summary>What the grammar alone reads in a message.</summary>
/// <param name="AsksIdentity">The grammar finds an identity question.</param>
/// <param name="AsksForHuman">The grammar finds a request for a person.</param>
/// <param name="VetoesIdentity">The message asks where someone is from ("kamu orang mana?") or about a thing ("ini barang asli?"), or says the customer knows it is a machine ("I know this is a bot, just ..."): vetoes the model's identity question.</param>
/// <param name="VetoesRequest">No person the message names is asked for now, or it declines or puts one off: vetoes the model's request for a person.</param>
public readonly record struct GrammarVerdict(bool AsksIdentity, bool AsksForHuman, bool VetoesIdentity, bool VetoesRequest);
