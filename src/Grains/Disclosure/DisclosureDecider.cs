using CxCluster.Abstractions.Facts;

namespace CxCluster.Grains.Disclosure;

/// <summary>
/// The disclosure rules over their own slice of state, with no I/O: which notice to issue, when the customer must be
/// shown it before an AI message, and what a delivery confirms. Each decision is a fact; <see cref="Evolve"/> is the
/// only way a fact changes the slice.
/// </summary>
internal static class DisclosureDecider
{
    /// <summary>A new notice, numbered per conversation, for the channel and locale the customer is on.</summary>
    public static DisclosureIssued Issue(DisclosureState state, Channel channel, string locale, string text, string reason, DateTimeOffset at) => new()
    {
        At = at,
        DisclosureId = $"dsc-{state.Issued.Count + 1}",
        Channel = channel,
        Locale = locale,
        Text = text,
        Reason = reason,
    };

    /// <summary>The directive that shows a notice.</summary>
    public static DiscloseDirective Disclose(IssuedDisclosure disclosure) => new()
    {
        DisclosureId = disclosure.DisclosureId,
        Text = disclosure.Text,
        Channel = disclosure.Channel,
        Locale = disclosure.Locale,
    };

    /// <summary>Why a delivery cannot be accepted: a notice this conversation never issued.</summary>
    public static string? Unknown(DisclosureState state, string disclosureId) =>
        state.Issued.Exists(d => d.DisclosureId == disclosureId) ? null : $"No disclosure '{disclosureId}' was issued in this conversation.";

    /// <summary>The first confirmation of a notice is a fact; a repeated one changes nothing.</summary>
    public static DisclosureDelivered? Deliver(DisclosureState state, string disclosureId, DateTimeOffset at) =>
        state.Issued.Find(d => d.DisclosureId == disclosureId) is { DeliveredAt: null } disclosure
            ? new DisclosureDelivered { At = at, DisclosureId = disclosure.DisclosureId }
            : null;

    /// <summary>
    /// Before an AI message: the notice in force unless it was confirmed on <paramref name="channel"/> or this answer
    /// already shows it. No AI message is allowed without a notice on the customer's channel before it.
    /// </summary>
    public static DiscloseDirective? BeforeAiMessage(DisclosureState state, Channel channel, IReadOnlyList<Directive> answer)
    {
        var current = state.Current ?? throw new InvalidOperationException("An AI message was decided before any disclosure was issued.");
        if (state.DeliveredOn(channel))
        {
            return null;
        }
        foreach (var directive in answer)
        {
            if (directive is DiscloseDirective shown && shown.DisclosureId == current.DisclosureId)
            {
                return null;
            }
        }
        return Disclose(current);
    }

    public static void Evolve(DisclosureState state, Fact fact)
    {
        switch (fact)
        {
            case DisclosureIssued issued:
                state.Issued.Add(new IssuedDisclosure
                {
                    DisclosureId = issued.DisclosureId,
                    Channel = issued.Channel,
                    Locale = issued.Locale,
                    Text = issued.Text,
                    IssuedAt = issued.At,
                });
                // After a human, the next answer leads with the new notice whatever the event.
                state.Announce = issued.Reason == DisclosureIssued.AiResumed;
                break;
            case DisclosureDelivered delivered:
                if (state.Issued.Find(d => d.DisclosureId == delivered.DisclosureId) is { } disclosure)
                {
                    disclosure.DeliveredAt ??= delivered.At;
                }
                break;
        }
        if (fact is not DisclosureIssued)
        {
            // The answer to the next event led with the notice: whatever that event recorded, it is announced.
            state.Announce = false;
        }
    }
}
