using System.Buffers;
using System.Text;

namespace CxCluster.Grains.Trust.Understanding;

/// <summary>The learnt weights of one signal: a bias, a decision threshold on the margin and the non-zero bucket weights.</summary>
/// <param name="Name">The signal (<c>identity</c>, <c>human</c>).</param>
/// <param name="Bias">Added to every margin.</param>
/// <param name="Threshold">A message is positive when its margin is at least this.</param>
/// <param name="Weights">Non-zero weights by bucket; buckets in increasing order, each once.</param>
public sealed record SignalWeights(string Name, float Bias, float Threshold, IReadOnlyList<KeyValuePair<int, float>> Weights);

/// <summary>
/// Linear models over <see cref="MessageFeatures"/>, one per signal, scored together: the margin of a message is
/// <c>bias + (sum of the weights of its feature buckets) / sqrt(number of features)</c>. Immutable once built.
/// </summary>
/// <remarks>
/// File format (little-endian): the ASCII magic <c>CXU2</c>; int32 bucket bits; int32 length and the bytes of the
/// fingerprint of what it was trained on (<see cref="TrainedOn"/>); int32 signal count; then per signal its
/// name (a <see cref="BinaryWriter"/> string), float32 bias, float32 threshold, int32 weight count and that many
/// (int32 bucket, float32 weight) pairs in increasing bucket order.
/// </remarks>
public sealed class LinearSignalModel
{
    private const string Magic = "CXU2";

    /// <summary>The length of <see cref="TrainedOn"/> when the trainer sets it: a SHA-256.</summary>
    public const int TrainedOnLength = 32;

    /// <summary>The embedded model's resource name in the Grains assembly.</summary>
    public const string ResourceName = "CxCluster.Grains.Trust.Understanding.model.bin";

    // weights[bucket * signals + signal]: one cache line holds every signal's weight for a bucket.
    private readonly float[] weights;
    private readonly float[] biases;
    private readonly float[] thresholds;
    private readonly SignalWeights[] signals;
    private readonly byte[] trainedOn;

    /// <summary>Builds a model from learnt weights, and the fingerprint of what they were learnt from (empty or <see cref="TrainedOnLength"/> bytes).</summary>
    public LinearSignalModel(IReadOnlyList<SignalWeights> signals, ReadOnlySpan<byte> trainedOn = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Count == 0)
        {
            throw new ArgumentException("at least one signal is needed", nameof(signals));
        }

        if (trainedOn.Length is not (0 or TrainedOnLength))
        {
            throw new ArgumentException($"the fingerprint of the training data is {TrainedOnLength} bytes", nameof(trainedOn));
        }

        this.trainedOn = trainedOn.ToArray();

        this.signals = signals.ToArray();
        int count = this.signals.Length;
        weights = new float[MessageFeatures.BucketCount * count];
        biases = new float[count];
        thresholds = new float[count];
        for (int s = 0; s < count; s++)
        {
            SignalWeights signal = this.signals[s];
            biases[s] = signal.Bias;
            thresholds[s] = signal.Threshold;
            int previous = -1;
            foreach (var (bucket, weight) in signal.Weights)
            {
                if (bucket <= previous || bucket >= MessageFeatures.BucketCount)
                {
                    throw new InvalidDataException($"signal {signal.Name}: bucket {bucket} is out of order or out of range");
                }

                weights[(bucket * count) + s] = weight;
                previous = bucket;
            }
        }
    }

    /// <summary>The signals, in scoring order.</summary>
    public IReadOnlyList<SignalWeights> Signals => signals;

    /// <summary>
    /// The fingerprint the trainer gave the data it learnt from (the train split and the lexicon), so a test can tell
    /// a model that was not retrained after they changed; empty when none was given.
    /// </summary>
    public ReadOnlySpan<byte> TrainedOn => trainedOn;

    /// <summary>The model embedded in this assembly (trained by <c>tests/Understanding -- train</c>).</summary>
    public static LinearSignalModel Embedded { get; } = LoadEmbedded();

    /// <summary>The index of a signal by name.</summary>
    /// <exception cref="KeyNotFoundException">No such signal.</exception>
    public int IndexOf(string name)
    {
        for (int s = 0; s < signals.Length; s++)
        {
            if (string.Equals(signals[s].Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"the model has no signal {name}");
    }

    /// <summary>Writes every signal's margin for <paramref name="text"/> into <paramref name="margins"/>.</summary>
    public void Score(ReadOnlySpan<char> text, Span<float> margins)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(MessageFeatures.MaxFeatures(MessageFeatures.MaxNormalizedLength));
        try
        {
            int n = MessageFeatures.Extract(text, rented);
            Score(rented.AsSpan(0, n), margins);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Writes every signal's margin for already extracted features into <paramref name="margins"/>.</summary>
    public void Score(ReadOnlySpan<int> buckets, Span<float> margins)
    {
        int count = signals.Length;
        if (margins.Length < count)
        {
            throw new ArgumentException($"room for {count} margins is needed", nameof(margins));
        }

        Span<float> sums = margins[..count];
        sums.Clear();
        foreach (int bucket in buckets)
        {
            int at = bucket * count;
            for (int s = 0; s < count; s++)
            {
                sums[s] += weights[at + s];
            }
        }

        float scale = buckets.Length == 0 ? 0f : 1f / MathF.Sqrt(buckets.Length);
        for (int s = 0; s < count; s++)
        {
            sums[s] = biases[s] + (sums[s] * scale);
        }
    }

    /// <summary>Whether a margin of signal <paramref name="signal"/> is a positive.</summary>
    public bool IsPositive(int signal, float margin) => margin >= thresholds[signal];

    /// <summary>The value of one feature occurrence in a message of <paramref name="featureCount"/> features, as the trainer must see it.</summary>
    public static float FeatureValue(int featureCount) => featureCount == 0 ? 0f : 1f / MathF.Sqrt(featureCount);

    /// <summary>Writes the model in its file format; the same model always gives the same bytes.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(MessageFeatures.BucketBits);
        writer.Write(trainedOn.Length);
        writer.Write(trainedOn);
        writer.Write(signals.Length);
        foreach (SignalWeights signal in signals)
        {
            writer.Write(signal.Name);
            writer.Write(signal.Bias);
            writer.Write(signal.Threshold);
            writer.Write(signal.Weights.Count);
            foreach (var (bucket, weight) in signal.Weights)
            {
                writer.Write(bucket);
                writer.Write(weight);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">Not a model file, or one for other features.</exception>
    public static LinearSignalModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
            {
                throw new InvalidDataException($"not a {Magic} model file");
            }

            int bits = reader.ReadInt32();
            if (bits != MessageFeatures.BucketBits)
            {
                throw new InvalidDataException($"the model was trained on {bits} bucket bits, the features have {MessageFeatures.BucketBits}: retrain it");
            }

            int fingerprintLength = reader.ReadInt32();
            if (fingerprintLength is not (0 or TrainedOnLength))
            {
                throw new InvalidDataException($"a training fingerprint of {fingerprintLength} bytes");
            }

            byte[] fingerprint = reader.ReadBytes(fingerprintLength);
            if (fingerprint.Length != fingerprintLength)
            {
                throw new EndOfStreamException();
            }

            int count = reader.ReadInt32();
            if (count is < 1 or > 16)
            {
                throw new InvalidDataException($"{count} signals");
            }

            var signals = new SignalWeights[count];
            for (int s = 0; s < count; s++)
            {
                string name = reader.ReadString();
                float bias = reader.ReadSingle();
                float threshold = reader.ReadSingle();
                int n = reader.ReadInt32();
                if (n < 0 || n > MessageFeatures.BucketCount)
                {
                    throw new InvalidDataException($"signal {name}: {n} weights");
                }

                var pairs = new KeyValuePair<int, float>[n];
                for (int k = 0; k < n; k++)
                {
                    pairs[k] = new(reader.ReadInt32(), reader.ReadSingle());
                }

                signals[s] = new SignalWeights(name, bias, threshold, pairs);
            }

            return new LinearSignalModel(signals, fingerprint);
        }
        catch (EndOfStreamException error)
        {
            throw new InvalidDataException("the model file is truncated", error);
        }
    }

    private static LinearSignalModel LoadEmbedded()
    {
        using Stream stream = typeof(LinearSignalModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The Grains assembly was built without its understanding model ({ResourceName}); run tests/Understanding -- train.");
        return Read(stream);
    }
}
