using System.Globalization;

namespace CxCluster.Settings;

/// <summary>
/// Reads typed values from configuration and collects, rather than throws, what is wrong with them, so one start-up
/// names every bad setting at once, each by its full key.
/// </summary>
internal sealed class SettingsReader
{
    private readonly List<string> _problems = [];

    public void Problem(string problem) => _problems.Add(problem);

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException(_problems);
        }
    }

    /// <summary>Names every key of <paramref name="section"/> that is not among <paramref name="known"/>: a typo never passes silently.</summary>
    public void OnlyKnown(IConfigurationSection section, string what, params IReadOnlyList<string> known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Problem($"{child.Path} is not {what} (known: {string.Join(", ", known)})");
            }
        }
    }

    public static string? Text(IConfigurationSection section, string name) =>
        section[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public int Int(IConfigurationSection section, string name, int fallback, int min, int max) =>
        OptionalInt(section, name, min, max) ?? fallback;

    public int? OptionalInt(IConfigurationSection section, string name, int min, int max)
    {
        if (Text(section, name) is not { } text)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Problem($"{Key(section, name)} must be a whole number between {min} and {max}, not '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Problem($"{Key(section, name)} must be between {min} and {max}, not {value}");
            return null;
        }
        return value;
    }

    /// <summary>A number of seconds above <paramref name="min"/> (or equal to it when <paramref name="minIncluded"/>) and at most <paramref name="max"/>.</summary>
    public TimeSpan? OptionalSeconds(IConfigurationSection section, string name, double min, TimeSpan max, bool minIncluded = false)
    {
        if (Text(section, name) is not { } text)
        {
            return null;
        }
        var range = minIncluded
            ? $"a number of seconds from {min.ToString(CultureInfo.InvariantCulture)} to {max.TotalSeconds.ToString(CultureInfo.InvariantCulture)}"
            : $"a number of seconds above {min.ToString(CultureInfo.InvariantCulture)} and at most {max.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            Problem($"{Key(section, name)} must be {range}, not '{text}'");
            return null;
        }
        if ((minIncluded ? seconds < min : seconds <= min) || seconds > max.TotalSeconds)
        {
            Problem($"{Key(section, name)} must be {range}, not {seconds.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return TimeSpan.FromSeconds(seconds);
    }

    public TimeSpan Seconds(IConfigurationSection section, string name, TimeSpan fallback, double min, TimeSpan max, bool minIncluded = false) =>
        OptionalSeconds(section, name, min, max, minIncluded) ?? fallback;

    /// <summary>A TCP port, 1 to 65535.</summary>
    public int? OptionalPort(IConfigurationSection section, string name) => OptionalInt(section, name, 1, 65_535);

    public static string Key(IConfigurationSection section, string name) => $"{section.Path}:{name}";
}
