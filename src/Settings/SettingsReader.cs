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

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when unset.</summary>
    public double Double(IConfigurationSection section, string name, double fallback, double min, double max) =>
        Text(section, name) is { } text ? Number(section.GetSection(name), text, min, max) ?? fallback : fallback;

    /// <summary>
    /// The numbers listed under <paramref name="name"/> (<c>{name}:0</c>, <c>{name}:1</c>, …) in their index order, each from
    /// <paramref name="min"/> to <paramref name="max"/>; null when none is listed.
    /// </summary>
    public double[]? Doubles(IConfigurationSection section, string name, double min, double max)
    {
        var list = section.GetSection(name);
        var items = new List<(int Index, double Value)>();
        foreach (var item in list.GetChildren())
        {
            if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                Problem($"{item.Path} is not an item of a list (items are numbered {list.Path}:0, {list.Path}:1, …)");
                continue;
            }
            if (Text(list, item.Key) is { } text && Number(item, text, min, max) is { } value)
            {
                items.Add((index, value));
            }
        }
        return items.Count > 0 ? [.. items.OrderBy(i => i.Index).Select(i => i.Value)] : null;
    }

    /// <summary><c>true</c> or <c>false</c>; null when unset.</summary>
    public bool? OptionalBool(IConfigurationSection section, string name)
    {
        if (Text(section, name) is not { } text)
        {
            return null;
        }
        if (!bool.TryParse(text, out var value))
        {
            Problem($"{Key(section, name)} must be true or false, not '{text}'");
            return null;
        }
        return value;
    }

    /// <summary>
    /// A duration written <c>[d.]hh:mm:ss[.fffffff]</c> (e.g. <c>00:00:00.0003</c>) from <paramref name="min"/> to
    /// <paramref name="max"/>, or <paramref name="fallback"/> when unset.
    /// </summary>
    public TimeSpan Duration(IConfigurationSection section, string name, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        if (Text(section, name) is not { } text)
        {
            return fallback;
        }
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            Problem($"{Key(section, name)} must be a duration written hh:mm:ss.fffffff (e.g. 00:00:00.0003), not '{text}'");
            return fallback;
        }
        if (value < min || value > max)
        {
            Problem($"{Key(section, name)} must be from {min:c} to {max:c}, not {value:c}");
            return fallback;
        }
        return value;
    }

    private double? Number(IConfigurationSection setting, string text, double min, double max)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Problem($"{setting.Path} must be a number {range}, not '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Problem(string.Create(CultureInfo.InvariantCulture, $"{setting.Path} must be {range}, not {value}"));
            return null;
        }
        return value;
    }

    /// <summary>A TCP port, 1 to 65535.</summary>
    public int? OptionalPort(IConfigurationSection section, string name) => OptionalInt(section, name, 1, 65_535);

    public static string Key(IConfigurationSection section, string name) => $"{section.Path}:{name}";
}
