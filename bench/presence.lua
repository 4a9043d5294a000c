-- wrk script of bench_presence: every request is a new check-in (a fresh UUID key) of another
-- employee (a personal API token each); the first pass checks everyone in, the second out.
-- Data file (BENCH_CHECKINS): one line per employee, "token<TAB>latitude<TAB>longitude".
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local people = {}
local n, i, id, step

function init(args)
  id = wrk.thread:get("id")
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  math.randomseed(os.time() * 1000 + id * 7919)
  for line in io.lines(os.getenv("BENCH_CHECKINS")) do
    local token, lat, lon = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
    people[#people + 1] = { token, lat, lon }
  end
  n = #people
  i = id
end

local function hex(k)
  local out = {}
  for j = 1, k do out[j] = string.format("%x", math.random(0, 15)) end
  return table.concat(out)
end

function request()
  local p = people[(i % n) + 1]
  local slot = math.floor(i / n) % 2 + 1
  i = i + step
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local key = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" ..
    string.format("%x", math.random(8, 11)) .. hex(3) .. "-" .. hex(12)
  local body = string.format(
    '{"idempotency_key":"%s","slot":%d,"mode":"onsite","device_time":"%s","sent_at":"%s",' ..
    '"latitude":%s,"longitude":%s,"accuracy":12,' ..
    '"network":{"effective_type":"3g","rtt":450,"downlink":0.9}}',
    key, slot, now, now, p[2], p[3])
  return wrk.format("POST", "/api/v1/presence/checkins", {
    ["Authorization"] = "Bearer " .. p[1],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
