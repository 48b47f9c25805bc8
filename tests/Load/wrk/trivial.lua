-- wrk script: the trivial endpoint, GET /health/live, for the ceiling on the same host.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f non200=%d errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
