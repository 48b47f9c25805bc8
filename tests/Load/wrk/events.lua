-- wrk script: single customer.message events with Prefer: return=minimal, each with its own event id, spread over
-- CONVERSATIONS conversations per wrk thread (environment, default 2000). Counts answers that are not 200.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  conversations = tonumber(os.getenv("CONVERSATIONS") or "2000")
  prefix = os.getenv("RUN_ID") or "wrk"
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("API_KEY") or "demo-key")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Prefer"] = "return=minimal"
  failed = 0
end

function request()
  counter = counter + 1
  local conversation = prefix .. "-" .. tid .. "-" .. (counter % conversations)
  local body = '{"id":"' .. prefix .. "-" .. tid .. "-" .. counter ..
    '","type":"customer.message","text":"where is my parcel, order ' .. counter .. ' was due yesterday"}'
  return wrk.format(nil, "/v1/conversations/" .. conversation .. "/events", nil, body)
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local failed_total = 0
  for _, thread in ipairs(threads) do failed_total = failed_total + (thread:get("failed") or 0) end
  io.write(string.format("RESULT requests=%d seconds=%.3f non200=%d errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, failed_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
