-- wrk script: each request asks for a different day of the history, so the
-- load covers every snapshot rather than one cached answer. Reports errors
-- and latency percentiles on one parseable line.
local first = os.time({year = 2021, month = 8, day = 1, hour = 12})
local days = 520
local n = 0

request = function()
  n = n + 1
  local d = os.date("!%Y-%m-%d", first + ((n * 7919) % days) * 86400)
  return wrk.format("GET", "/api/control?date=" .. d, {["Accept-Encoding"] = os.getenv("ENCODING") or ""})
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end
