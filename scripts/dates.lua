-- wrk script: each request asks for a different day of the history, so the
-- load covers every snapshot rather than one cached answer. Reports errors
-- and latency percentiles on one parseable line.
-- FIRST (YYYY-MM-DD) and DAYS choose the range; the default is the real history.
local function day0()
  local y, m, d = (os.getenv("FIRST") or "2021-08-01"):match("(%d+)-(%d+)-(%d+)")
  return os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
end
local first = day0()
local days = tonumber(os.getenv("DAYS") or "520")
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
