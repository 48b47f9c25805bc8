using System.Globalization;

namespace CxCluster.Load;

/// <summary>The options of a benchmark mode: <c>--name value</c> pairs, read in order.</summary>
internal static class BenchArgs
{
    /// <summary>
    /// Hands each option's name and a reader of its value to <paramref name="set"/>, which answers false for a name it
    /// does not know, then runs <paramref name="check"/>. A bad option is printed as "<paramref name="mode"/>: why" and
    /// answers false.
    /// </summary>
    public static bool TryRead(IReadOnlyList<string> args, TextWriter output, string mode, Func<string, Func<string>, bool> set, Action check)
    {
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
                if (!set(name, Value))
                {
                    throw new ArgumentException($"unknown option {name}");
                }
            }
            check();
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            output.WriteLine($"{mode}: {e.Message}");
            return false;
        }
    }

    public static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    public static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));

    public static TimeSpan Milliseconds(string value) => TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture));
}
