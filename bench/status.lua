-- wrk script for bench/load.sh: method, body and Accept from the environment; counts every response that is not 2xx
-- (wrk itself counts only 4xx/5xx, and a 429 of the rate limit would otherwise pass as a fast answer).
wrk.method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Accept"] = os.getenv("ACCEPT") or "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not2xx = not2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not2xx")
  end
  local e = summary.errors
  local errors = bad + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
